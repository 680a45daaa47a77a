package shop.leaderboard.problem;

/** 503: Redis did not answer (refused, reset or timed out); retrying later may work. */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(Throwable cause) {
        super("the leaderboard store (Redis) is unavailable", cause);
    }
}
