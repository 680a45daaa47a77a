package shop.session.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document; {@code errors} only for invalid input. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem("https://polyglot-shop.local/problems/" + slug, title, status, detail, null);
    }

    static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("https://polyglot-shop.local/problems/invalid-input", "Invalid input", 400, detail, errors);
    }
}
