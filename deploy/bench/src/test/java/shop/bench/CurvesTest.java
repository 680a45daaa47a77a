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
        assertEquals(List.of(10_000L, 100_000L, 1_000_000L), Curves.sizes(series("leaderboard"), 0, 1_000_000));
        assertEquals(List.of(), Curves.sizes(series("feed"), 0, 999_999));
        assertEquals(List.of(10_000_000L), Curves.sizes(series("leaderboard"), 10_000_000, Long.MAX_VALUE));
    }

    @Test
    void theSettleLoadIsALoadAverage() {
        assertEquals(0.8, Curves.load("0.8"));
        assertThrows(IllegalArgumentException.class, () -> Curves.load("0"));
        assertThrows(IllegalArgumentException.class, () -> Curves.load("quiet"));
    }

    @Test
    void onlyNamesKnownSeries() {
        assertEquals(Set.of("feed", "sessions"), Curves.series("feed,sessions"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Curves.series("feed,carts"));
        assertEquals(true, e.getMessage().contains("carts"));
    }

    @Test
    void aPointSurvivesItsTsvLineAndAMergeKeepsTheLaterRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Curves.Point measured = new Curves.Point("leaderboard-rank", "baseline", "store", 10_000_000, 25, 45_974.1,
                60_031.5, 60_100, 12, 2.1, 58_000, "the queue of an overloaded phase");
        Curves.Point skipped = new Curves.Point("product-search", "polyglot", "service", 5_000, 50, Double.NaN,
                Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, "not measured: the index holds more");
        assertEquals(measured, Curves.Point.parse(measured.tsv()));
        assertEquals(skipped, Curves.Point.parse(skipped.tsv()));

        java.nio.file.Path first = dir.resolve("first");
        java.nio.file.Path second = dir.resolve("second");
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        Curves.write(first, "first", java.util.Map.of(), List.of(measured, skipped), List.of(), quiet);
        Curves.Point rerun = new Curves.Point("leaderboard-rank", "baseline", "store", 10_000_000, 25, 700, 900, 950, 0,
                3, 5_000, null);
        Curves.write(second, "second", java.util.Map.of(), List.of(rerun), List.of(), quiet);
        java.nio.file.Path merged = dir.resolve("merged");
        Curves.merge(new String[] {"curves-merge", merged.toString(), first.toString(), second.toString()});
        List<String> lines = java.nio.file.Files.readAllLines(merged.resolve("points.tsv"));
        assertEquals(3, lines.size(), "a header, the rerun's point and the skipped one: " + lines);
        assertEquals(rerun, Curves.Point.parse(lines.get(1)));
        assertEquals(skipped, Curves.Point.parse(lines.get(2)));
        String report = java.nio.file.Files.readString(merged.resolve("report.md"));
        assertEquals(true, report.contains("| 10M | baseline | store | 700 | 900 |"), report);
        assertEquals(true, java.nio.file.Files.exists(merged.resolve("leaderboard-rank.svg")));
    }
}
