package shop.session.problem;

/** An unknown (or expired, or someone else's) session, user or flag: 404. */
public class NotFound extends RuntimeException {

    public NotFound(String detail) {
        super(detail, null, false, false);
    }
}
