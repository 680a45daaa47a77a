package shop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code deploy/bench/run flame <recording.jfr> <out.svg> [--thread PREFIX] [--title TEXT]}: a flame graph
 * of a JFR recording's CPU samples ({@code jdk.ExecutionSample}), as SVG (issue 24: where the time goes,
 * committed beside the figures). The JDK reads the recording; no profiler to install. Each box is a
 * frame, its width the share of samples whose stack passes through it, callers below callees; the
 * tooltip gives the samples and the share. Frames are {@code Class.method} (package dropped, as a
 * reader scans them), line numbers left out so one method is one box.
 */
final class FlameGraph {

    private static final int WIDTH = 1200;
    private static final int ROW = 16;
    private static final double MIN_WIDTH = 0.3;

    /** A frame and the stacks through it: samples in it or in anything it called. */
    static final class Node {
        final String name;
        long samples;
        final Map<String, Node> children = new TreeMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String frame) {
            return children.computeIfAbsent(frame, Node::new);
        }

        int depth() {
            return 1 + children.values().stream().mapToInt(Node::depth).max().orElse(0);
        }
    }

    private FlameGraph() {
    }

    static void main(String[] argv) throws IOException {
        if (argv.length < 3) {
            System.err.println("bench: flame <recording.jfr> <out.svg> [--thread PREFIX] [--title TEXT]");
            System.exit(2);
            return;
        }
        String thread = null;
        String title = null;
        for (int a = 3; a < argv.length; a++) {
            switch (argv[a]) {
                case "--thread" -> thread = argv[++a];
                case "--title" -> title = argv[++a];
                default -> {
                    System.err.println("bench: flame takes --thread PREFIX and --title TEXT (got " + argv[a] + ")");
                    System.exit(2);
                    return;
                }
            }
        }
        Path recording = Path.of(argv[1]);
        String prefix = thread;
        Node root = read(recording, prefix == null ? t -> true : t -> t != null && t.startsWith(prefix));
        Path out = Path.of(argv[2]);
        Files.writeString(out, svg(title != null ? title : recording.getFileName().toString(), root));
        System.out.printf("%,d samples → %s%n", root.samples, out);
        System.out.println("frames in most samples (a frame counted once per sample, callers included):");
        top(root, 40).forEach((frame, samples) -> System.out.printf("  %5.1f %%  %s%n", 100.0 * samples / root.samples,
                frame));
    }

    /** The frames in most samples: each sample counts once for every distinct frame on its stack. */
    static Map<String, Long> top(Node root, int limit) {
        Map<String, Long> inclusive = new java.util.HashMap<>();
        collect(root, new java.util.ArrayDeque<>(), inclusive);
        Map<String, Long> top = new java.util.LinkedHashMap<>();
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** Adds each node's samples to its name, unless the same name is already on the path (recursion counts once). */
    private static void collect(Node node, java.util.Deque<String> path, Map<String, Long> inclusive) {
        for (Node child : node.children.values()) {
            boolean counted = path.contains(child.name);
            if (!counted) {
                inclusive.merge(child.name, child.samples, Long::sum);
            }
            path.push(child.name);
            collect(child, path, inclusive);
            path.pop();
        }
    }

    /** Every CPU sample of the recording whose thread the filter accepts, as one tree from the outermost frame. */
    static Node read(Path recording, Predicate<String> thread) throws IOException {
        Node root = new Node("all");
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                String threadName = event.getThread("sampledThread") == null ? null
                        : event.getThread("sampledThread").getJavaName();
                if (stack == null || !thread.test(threadName)) {
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames(); // innermost first
                // JFR keeps a stack's innermost frames only (64 unless -XX:FlightRecorderOptions:stackdepth=):
                // a cut stack's outermost frame is not a thread's start, so it gets a root of its own
                Node node = stack.isTruncated() ? root.child("[stack cut at " + frames.size() + " frames]") : root;
                root.samples++;
                if (node != root) {
                    node.samples++;
                }
                for (int f = frames.size() - 1; f >= 0; f--) {
                    node = node.child(name(frames.get(f)));
                    node.samples++;
                }
            }
        }
        return root;
    }

    static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    static String svg(String title, Node root) {
        int depth = root.depth();
        int height = (depth + 3) * ROW;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"11\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"10\" y=\"%d\" font-family=\"sans-serif\" font-size=\"14\">%s: %,d CPU samples"
                        + " (JFR), callers below callees; hover for the share</text>%n",
                WIDTH, height, WIDTH, height, ROW, PercentilePlot.escape(title), root.samples));
        if (root.samples > 0) {
            draw(svg, root, root.samples, 0, WIDTH - 20.0, 0, height - ROW);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void draw(StringBuilder svg, Node node, long total, double x, double width, int level, int bottom) {
        double y = bottom - (level + 1) * ROW;
        double share = 100.0 * node.samples / total;
        svg.append(String.format(Locale.ROOT, "<g><title>%s: %,d samples, %.2f %%</title><rect x=\"%.1f\" y=\"%.1f\""
                + " width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"white\" stroke-width=\"0.5\"/>",
                PercentilePlot.escape(node.name), node.samples, share, 10 + x, y, width, ROW - 1, colour(node.name)));
        int fits = (int) (width / 6.6) - 1;
        if (fits >= 3) {
            String label = node.name.length() <= fits ? node.name : node.name.substring(0, fits - 2) + "..";
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", 12 + x, y + ROW - 4,
                    PercentilePlot.escape(label)));
        }
        svg.append("</g>\n");
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparing(n -> n.name));
        double cx = x;
        for (Node child : children) {
            double w = width * child.samples / node.samples;
            if (w >= MIN_WIDTH) {
                draw(svg, child, total, cx, w, level + 1, bottom);
            }
            cx += w;
        }
    }

    /** Warm colours, a stable shade per frame name, so neighbours differ and reruns look alike. */
    private static String colour(String name) {
        int h = Math.abs(name.hashCode());
        int red = 205 + h % 50;
        int green = 80 + (h / 50) % 120;
        int blue = 30 + (h / 6000) % 40;
        return String.format("#%02x%02x%02x", red, green, blue);
    }
}
