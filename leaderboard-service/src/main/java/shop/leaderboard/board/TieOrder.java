package shop.leaderboard.board;

/**
 * Ties rank by who reached the score first, exactly. The sorted-set score is the user's real
 * score; the member is {@code <15-digit (MAX_SEQUENCE - seq)><userId>}, where {@code seq} comes
 * from {@code INCR} on the board's sequence key inside the same Lua script that sets the score.
 * Redis orders equal scores by member bytes, and ZREVRANK/ZREVRANGE reverse that order, so among
 * equal scores the larger prefix, i.e. the smaller (earlier) sequence, ranks higher. Because the
 * sequence is taken inside the atomic script, concurrent writes are strictly ordered by the
 * order Redis runs them, never by a wall clock. The Lua in {@link LeaderboardScripts} builds the
 * member; this class is its Java twin for decoding and for tests.
 */
public final class TieOrder {

    /** Digits of the sequence prefix. */
    public static final int PREFIX_LENGTH = 15;
    /** The largest sequence a board period can use: 10^15 - 1 score changes. */
    public static final long MAX_SEQUENCE = 999_999_999_999_999L;

    private TieOrder() {
    }

    /** The sorted-set member of a user whose current score was reached at sequence {@code seq} (1-based). */
    public static String member(long seq, String userId) {
        if (seq < 1 || seq > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence out of range: " + seq);
        }
        return String.format("%015d", MAX_SEQUENCE - seq) + userId;
    }

    /** The user id inside a sorted-set member. */
    public static String userIdOf(String member) {
        return member.substring(PREFIX_LENGTH);
    }
}
