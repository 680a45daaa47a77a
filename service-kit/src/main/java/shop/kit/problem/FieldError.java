package shop.kit.problem;

/** One invalid input: the field (a JSON path such as {@code items[0].quantity}, or a parameter name) and what is wrong. */
public record FieldError(String field, String message) {
}
