package shop.session.problem;

/** No identity (no gateway headers, or an unknown bearer token): 401. */
public class NotSignedIn extends RuntimeException {

    public NotSignedIn(String detail) {
        super(detail, null, false, false);
    }
}
