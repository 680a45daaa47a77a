package shop.kit.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input: the field (a JSON path such as {@code items[0].quantity}, or a parameter name) and what is wrong. */
public record FieldError(@Schema(examples = "items[0].quantity") String field,
        @Schema(examples = "must be greater than 0") String message) {
}
