package shop.leaderboard.problem;

/** 413: the request body is larger than any valid one. */
public class TooLarge extends RuntimeException {

    public TooLarge(String message) {
        super(message);
    }
}
