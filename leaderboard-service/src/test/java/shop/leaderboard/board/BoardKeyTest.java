package shop.leaderboard.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BoardKeyTest {

    private static final Duration TWO_WEEKS = Duration.ofDays(14);
    private static final Duration TWO_DAYS = Duration.ofDays(2);

    private static BoardKey key(Period period, String at) {
        return BoardKey.of("chess", period, Instant.parse(at), TWO_WEEKS, TWO_DAYS);
    }

    @Test
    void allTimeBoardsHaveOneKeyThatNeverExpires() {
        BoardKey key = key(Period.ALL_TIME, "2026-11-25T10:00:00Z");
        assertEquals(List.of("lb:{chess}:all", "lb:{chess}:all:members", "lb:{chess}:all:seq"), key.all());
        assertEquals(Optional.empty(), key.expiresAt());
    }

    @Test
    void weeklyBoardsAreKeyedByIsoWeekAndExpireTwoWeeksAfterTheWeekEnds() {
        BoardKey key = key(Period.WEEKLY, "2026-11-25T10:00:00Z"); // a Wednesday
        assertEquals("lb:{chess}:w:2026-W48", key.ranking());
        assertEquals("lb:{chess}:w:2026-W48:members", key.members());
        assertEquals(Optional.of(Instant.parse("2026-12-14T00:00:00Z")), key.expiresAt()); // Mon 30 Nov + 14 d
    }

    @Test
    void theIsoWeekRunsFromMondayMidnightToSundayMidnightUtc() {
        assertEquals("lb:{chess}:w:2026-W48", key(Period.WEEKLY, "2026-11-23T00:00:00Z").ranking());
        assertEquals("lb:{chess}:w:2026-W48", key(Period.WEEKLY, "2026-11-29T23:59:59.999Z").ranking());
        assertEquals("lb:{chess}:w:2026-W49", key(Period.WEEKLY, "2026-11-30T00:00:00Z").ranking());
    }

    @Test
    void weeksAroundNewYearBelongToTheIsoWeekBasedYear() {
        assertEquals("lb:{chess}:w:2026-W53", key(Period.WEEKLY, "2027-01-01T12:00:00Z").ranking());
        assertEquals("lb:{chess}:w:2025-W01", key(Period.WEEKLY, "2024-12-30T12:00:00Z").ranking());
        assertEquals(Optional.of(Instant.parse("2027-01-18T00:00:00Z")),
                key(Period.WEEKLY, "2027-01-01T12:00:00Z").expiresAt());
    }

    @Test
    void dailyBoardsAreKeyedByUtcDayAndExpireTwoDaysAfterTheDayEnds() {
        BoardKey key = key(Period.DAILY, "2026-11-27T23:59:59Z");
        assertEquals("lb:{chess}:d:2026-11-27", key.ranking());
        assertEquals("lb:{chess}:d:2026-11-27:seq", key.sequence());
        assertEquals(Optional.of(Instant.parse("2026-11-30T00:00:00Z")), key.expiresAt());
    }

    @Test
    void periodsParseOnlyTheContractsSpelling() {
        assertEquals(Optional.of(Period.WEEKLY), Period.parse("weekly"));
        assertEquals(Optional.of(Period.ALL_TIME), Period.parse("all-time"));
        assertEquals(Optional.empty(), Period.parse("Weekly"));
        assertEquals(Optional.empty(), Period.parse("monthly"));
    }
}
