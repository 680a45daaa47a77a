package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurvesTest {

    private static Curves.Series series(String name) {
        return Curves.SERIES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSeriesHaveTheIssuesSizes() {
        assertEquals(List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L), series("leaderboard").sizes());
        assertEquals(List.of(5_000L, 50_000L, 500_000L), series("search").sizes());
        assertEquals(List.of(1_000_000L, 10_000_000L), series("feed").sizes());
        assertEquals(List.of(100_000L, 1_000_000L, 10_000_000L), series("sessions").sizes());
    }

    @Test
    void maxSizeKeepsTheSmallerSizesInOrder() {
        assertEquals(List.of(10_000L, 100_000L, 1_000_000L), Curves.sizes(series("leaderboard"), 1_000_000));
        assertEquals(List.of(), Curves.sizes(series("feed"), 999_999));
    }

    @Test
    void onlyNamesKnownSeries() {
        assertEquals(Set.of("feed", "sessions"), Curves.series("feed,sessions"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Curves.series("feed,carts"));
        assertEquals(true, e.getMessage().contains("carts"));
    }
}
