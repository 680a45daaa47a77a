package shop.session.problem;

import java.util.List;

/** Input that passed Bean Validation but is still wrong (e.g. a body over its size cap): 400 naming the field. */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInput(String field, String message) {
        super(field + ": " + message, null, false, false);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
