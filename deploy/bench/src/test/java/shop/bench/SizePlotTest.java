package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SizePlotTest {

    private static final Pattern CIRCLE = Pattern.compile("<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"");

    @Test
    void sizesAreEquallySpacedPerDecadeAndSlowerIsHigher() {
        String svg = SizePlot.svg("leaderboard-rank", "users on the board", 25, List.of(
                new SizePlot.Point("baseline store", 10_000, 0.5),
                new SizePlot.Point("baseline store", 100_000, 5),
                new SizePlot.Point("baseline store", 1_000_000, 50),
                new SizePlot.Point("polyglot store", 1_000_000, 0.5),
                new SizePlot.Point("polyglot store", 10_000, 0.4)));
        Matcher m = CIRCLE.matcher(svg);
        double[][] dots = new double[5][];
        for (int i = 0; i < 5; i++) {
            assertTrue(m.find(), "a dot per point");
            dots[i] = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
        }
        // log x: 10K → 100K is as wide as 100K → 1M
        assertEquals(dots[1][0] - dots[0][0], dots[2][0] - dots[1][0], 0.2);
        // log y: ten times slower is the same step up each time (y grows downwards)
        assertEquals(dots[0][1] - dots[1][1], dots[1][1] - dots[2][1], 0.2);
        assertTrue(dots[2][1] < dots[0][1], "50 ms is drawn above 0.5 ms");
        // the polyglot line's points come sorted by size, whatever order they were given in
        assertTrue(dots[3][0] < dots[4][0]);
        assertEquals(2, svg.split("<polyline", -1).length - 1, "one line per design and level");
        assertTrue(svg.contains(">10K<") && svg.contains(">1M<"), "the x axis labels sizes as counts");
        assertTrue(svg.contains("users on the board (log scale)"));
    }

    @Test
    void pointsWithoutAFigureAreLeftOut() {
        String svg = SizePlot.svg("feed-newest20", "feed items", 100, List.of(
                new SizePlot.Point("polyglot store", 1_000_000, Double.NaN),
                new SizePlot.Point("baseline store", 1_000_000, 0.3)));
        assertEquals(1, svg.split("<polyline", -1).length - 1);
    }

    @Test
    void countsReadAsAPersonWritesThem() {
        assertEquals("10K", SizePlot.count(10_000));
        assertEquals("500K", SizePlot.count(500_000));
        assertEquals("10M", SizePlot.count(10_000_000));
        assertEquals("2.5M", SizePlot.count(2_500_000));
        assertEquals("1B", SizePlot.count(1e9));
        assertEquals("950", SizePlot.count(950));
    }

    @Test
    void secondsAreLabelledAsSeconds() {
        String svg = SizePlot.svg("leaderboard-rank", "users on the board", 25, List.of(
                new SizePlot.Point("baseline store", 1_000_000, 380),
                new SizePlot.Point("baseline store", 10_000_000, 60_000)));
        assertTrue(svg.contains(">100 ms<") && svg.contains(">1 s<") && svg.contains(">100 s<"), svg);
        assertTrue(!svg.contains("100000 ms"));
    }

    @Test
    void aDesignAndLevelIsOneColourInEveryPlot() {
        String one = SizePlot.svg("a", "users", 25, List.of(new SizePlot.Point("polyglot store", 10, 1),
                new SizePlot.Point("baseline store", 10, 2)));
        String other = SizePlot.svg("b", "users", 25, List.of(new SizePlot.Point("baseline service", 10, 1),
                new SizePlot.Point("baseline store", 10, 2), new SizePlot.Point("polyglot store", 10, 3)));
        assertEquals(colour(one, "baseline store"), colour(other, "baseline store"));
        assertEquals(colour(one, "polyglot store"), colour(other, "polyglot store"));
        assertTrue(!colour(one, "baseline store").equals(colour(one, "polyglot store")));
        assertTrue(one.indexOf(">baseline store<") < one.indexOf(">polyglot store<"), "the legend in the fixed order");
    }

    /** The stroke of the polyline titled {@code target}. */
    private static String colour(String svg, String target) {
        Matcher m = Pattern.compile("<polyline fill=\"none\" stroke=\"(#[0-9a-f]{6})\"[^>]*><title>" + target + "</title>")
                .matcher(svg);
        assertTrue(m.find(), target + " has a line");
        return m.group(1);
    }
}
