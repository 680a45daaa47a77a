package shop.leaderboard.board;

/** One user's place on a board; {@code rank} 1 is the highest score. */
public record Entry(long rank, String userId, long score) {
}
