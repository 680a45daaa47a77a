package shop.leaderboard.problem;

import java.util.List;

/** 422: a well-formed request the domain refuses (e.g. a score pushed out of range); nothing was changed. */
public class Refused extends RuntimeException {

    private final List<FieldError> errors;

    public Refused(FieldError error) {
        super(error.message());
        this.errors = List.of(error);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
