package shop.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlameGraphTest {

    private static volatile long sink;

    /** Burns CPU in a frame of its own, so the recording's samples of this thread land here. */
    private static void spinForTheFlameGraph(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 1;
        while (System.nanoTime() < end) {
            // pure arithmetic between the clock reads: samples catch the thread in Java code, not in the clock
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
    }

    @Test
    void aBusyMethodIsTheWidestBoxOfItsThread(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            spinForTheFlameGraph(Duration.ofSeconds(4).toNanos()); // JFR takes a second or more to start sampling
            recording.stop();
            recording.dump(jfr);
        }
        String me = Thread.currentThread().getName();
        FlameGraph.Node root = FlameGraph.read(jfr, me::equals);
        assertTrue(root.samples >= 10, "the JVM sampled the busy thread (" + root.samples + " samples)");
        long inSpin = count(root, "FlameGraphTest.spinForTheFlameGraph");
        assertTrue(inSpin * 2 > root.samples, inSpin + " of " + root.samples + " samples in the busy method");

        String svg = FlameGraph.svg("busy", root);
        assertTrue(svg.contains("FlameGraphTest.spinForTheFlameGraph"), "the busy frame is drawn and named");
        Path out = dir.resolve("busy.svg");
        Files.writeString(out, svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile()); // well-formed XML

        FlameGraph.Node none = FlameGraph.read(jfr, t -> false);
        assertTrue(none.samples == 0 && none.children.isEmpty(), "a thread filter that matches nothing keeps nothing");
    }

    private static long count(FlameGraph.Node node, String frame) {
        if (node.name.equals(frame)) {
            return node.samples;
        }
        return node.children.values().stream().mapToLong(c -> count(c, frame)).sum();
    }
}
