package shop.leaderboard.problem;

/** 403: signed in, but not allowed to do this. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
