package shop.leaderboard.board;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * The Redis keys of one board in one period, and when they expire.
 *
 * <pre>
 * lb:{board}:all              all-time, never expires
 * lb:{board}:w:2026-W48       ISO week (UTC), expires weekly-retention after the week ends
 * lb:{board}:d:2026-11-27     UTC day, expires daily-retention after the day ends
 * </pre>
 * Each has two companions, {@code <key>:members} (hash userId → sorted-set member) and
 * {@code <key>:seq} (the tie-break sequence), expiring with it. The braces are a Redis Cluster
 * hash tag: all keys of a board sit in one slot, so one Lua script may touch them together.
 */
public record BoardKey(String ranking, String members, String sequence, Optional<Instant> expiresAt) {

    public List<String> all() {
        return List.of(ranking, members, sequence);
    }

    /** The keys of {@code board} in {@code period} at instant {@code now}. */
    public static BoardKey of(String board, Period period, Instant now, Duration weeklyRetention,
            Duration dailyRetention) {
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        String base = "lb:{" + board + "}:";
        return switch (period) {
            case ALL_TIME -> keys(base + "all", Optional.empty());
            case WEEKLY -> keys(base + "w:" + isoWeek(day),
                    Optional.of(startOf(day.with(TemporalAdjusters.next(DayOfWeek.MONDAY))).plus(weeklyRetention)));
            case DAILY -> keys(base + "d:" + day, Optional.of(startOf(day.plusDays(1)).plus(dailyRetention)));
        };
    }

    /** {@code 2026-W48}: the ISO week-based year, which differs from the calendar year around 1 January. */
    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static BoardKey keys(String ranking, Optional<Instant> expiresAt) {
        return new BoardKey(ranking, ranking + ":members", ranking + ":seq", expiresAt);
    }
}
