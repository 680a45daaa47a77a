package shop.leaderboard.problem;

/** 404: the thing asked for is not there. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
