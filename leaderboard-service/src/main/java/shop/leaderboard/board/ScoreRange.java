package shop.leaderboard.board;

/**
 * Scores are whole numbers with {@code |score| <= 10^15}. Redis keeps sorted-set scores as
 * IEEE doubles and Lua computes with doubles: every integer up to 2^53 (about 9.007 × 10^15) is
 * exact, so a score plus a delta (each within the bound) is computed exactly before the
 * script checks the bound again. Fractions are refused rather than rounded.
 */
public final class ScoreRange {

    public static final long MAX_ABS = 1_000_000_000_000_000L;

    private ScoreRange() {
    }

    public static boolean contains(long value) {
        return value >= -MAX_ABS && value <= MAX_ABS;
    }
}
