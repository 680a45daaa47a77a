package shop.leaderboard.problem;

/** 401: the request carries no identity. */
public class NotSignedIn extends RuntimeException {

    public NotSignedIn() {
        super("sign in first: this needs an identity (X-User-Id from the gateway)");
    }
}
