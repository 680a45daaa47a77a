package shop.session.problem;

/** One invalid input: the field (a body property, path or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
