package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void requestsAreSpacedEvenlyFromTheStartWithoutDrift() {
        Schedule schedule = Schedule.of(5_000, 1000, 30);
        assertEquals(30_000, schedule.total());
        assertEquals(5_000, schedule.intendedNanos(0));
        assertEquals(5_000 + 1_000_000, schedule.intendedNanos(1));
        assertEquals(5_000 + 29_999_000_000L, schedule.intendedNanos(29_999));
    }

    @Test
    void ratesThatDoNotDivideASecondStayOnTime() {
        Schedule schedule = Schedule.of(0, 3, 600);
        assertEquals(333_333_333, schedule.intendedNanos(1));
        assertEquals(599_000_000_000L, schedule.intendedNanos(1797));
    }

    @Test
    void theLargestBoundedScheduleDoesNotOverflow() {
        Schedule schedule = Schedule.of(0, Args.MAX_RATE, Args.MAX_DURATION);
        assertEquals((Args.MAX_DURATION * 1_000_000_000L) - 50_000, schedule.intendedNanos(schedule.total() - 1));
    }
}
