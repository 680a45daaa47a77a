package shop.search.problem;

import java.util.List;

/**
 * A request answered with an error status. Thrown by services; turned into
 * {@code application/problem+json} by {@link ProblemMapper}, the only place that builds error bodies.
 */
public class Problem extends RuntimeException {

    /** One invalid input: the parameter and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    protected Problem(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(400, "Invalid input", "the request is invalid", List.copyOf(errors));
    }

    public static Problem badRequest(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static Problem unauthenticated(String detail) {
        return new Problem(401, "Unauthorized", detail, List.of());
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail, List.of());
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail, List.of());
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail, List.of());
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "Service unavailable", detail, List.of());
    }
}
