package shop.session.problem;

/** Signed in, but without the role the action needs: 403. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String detail) {
        super(detail, null, false, false);
    }
}
