package shop.polyglot.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The repository's {@code deploy/local/stack} CLI, called from tests: it starts the real servers
 * (PostgreSQL, Redis, Kafka, ...) and tells where they listen. Servers stay up after the JVM
 * ends, so each one starts once per build, not once per module or test class;
 * {@code deploy/local/stack down} stops them.
 */
public final class LocalStack {

    static final Path SCRIPT_IN_REPO = Path.of("deploy", "local", "stack");

    // The first `up` may fetch server distributions from Maven Central (minutes), and `up`
    // first waits for another up/down that holds the stack's lock (STACK_LOCK_WAIT, 15 min).
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration CONNECTOR_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration ENV_TIMEOUT = Duration.ofMinutes(1);
    // background servers started by the script may inherit its pipes; never wait on them
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    private static final int STDERR_LINES_IN_FAILURE = 40;

    private static final Set<String> started = new HashSet<>();
    private static final String BROWSER = "browser (not a component)";

    private LocalStack() {
    }

    /**
     * Starts the given components (and whatever they depend on) unless this JVM started them
     * already. Fails with the script's own message when it exits non-zero.
     */
    public static synchronized void up(Set<String> components) {
        Set<String> missing = new TreeSet<>(components);
        missing.removeAll(started);
        if (missing.isEmpty()) {
            return;
        }
        run(List.of("up", "--only", String.join(",", missing)), UP_TIMEOUT, passThrough(System.out));
        started.addAll(missing);
    }

    /**
     * Stops one component ({@code stack down --only}), for a test of what the suite does while it is
     * down; {@link #restart} brings it back. Whatever depends on it keeps running.
     */
    public static synchronized void stop(String component) {
        run(List.of("down", "--only", component), UP_TIMEOUT, passThrough(System.out));
    }

    /** Starts again a component a test stopped ({@code stack up --only}); returns once it is healthy. */
    public static synchronized void restart(String component) {
        run(List.of("up", "--only", component), UP_TIMEOUT, passThrough(System.out));
        started.add(component);
    }

    /** The stack's settings ({@code STACK_PG_PORT=5432}, ...) as printed by {@code stack env}. */
    public static Map<String, String> env() {
        StringBuilder out = new StringBuilder();
        run(List.of("env"), ENV_TIMEOUT, line -> out.append(line).append('\n'));
        return StackEnv.parse(out.toString());
    }

    /**
     * Registers the Debezium outbox connector with Kafka Connect; call it once the application
     * under test has migrated the schema (the connector needs the outbox table and publication).
     */
    public static void registerOutboxConnector() {
        run(List.of("connector"), CONNECTOR_TIMEOUT, passThrough(System.out));
    }

    /**
     * One more instance of a running service on {@code port} ({@code stack replica}): the running
     * instance's build and settings, its output appended to {@code log}. The process is the service's
     * JVM itself (the script execs it), so {@link Process#destroyForcibly()} is a crash (SIGKILL) and
     * {@link Process#destroy()} a clean shutdown; the caller ends it, and waits for it to be ready.
     * {@code env}: more environment for it (a setting such as {@code SEARCH_DRIFT_PAGE_SIZE}, or JVM
     * flags in {@code STACK_SERVICE_JAVA_OPTS}, which come after the stack's own and win).
     */
    public static Process replica(String service, int port, Path log, Map<String, String> env) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = stack(List.of("replica", service, Integer.toString(port)));
            builder.environment().putAll(env);
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            closeStdin(process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run deploy/local/stack replica " + service + " " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Installs Chromium and chromedriver from Debian's packages ({@code deploy/local/stack browser}),
     * for the web pages' browser tests; does nothing when both are there.
     */
    public static synchronized void installBrowser() {
        if (!started.contains(BROWSER)) {
            run(List.of("browser"), UP_TIMEOUT, passThrough(System.out));
            started.add(BROWSER);
        }
    }

    /** {@code deploy/local/stack}, found by walking up from the working directory. */
    public static Path script() {
        return scriptAbove(Path.of(System.getProperty("user.dir")));
    }

    static Path scriptAbove(Path workingDir) {
        return above(workingDir, SCRIPT_IN_REPO.toString());
    }

    /** The repository's file {@code inRepo} (e.g. {@code deploy/gateway/routes.tsv}), found by walking up from {@code workingDir}. */
    static Path above(Path workingDir, String inRepo) {
        Path start = workingDir.toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(inRepo);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + inRepo + " in " + start + " or any directory above it");
    }

    /** {@code deploy/local/stack args...}, to be started, run from the repository's root. */
    private static ProcessBuilder stack(List<String> args) {
        Path script = script();
        List<String> command = new ArrayList<>();
        if (!Files.isExecutable(script)) {
            command.add("bash");
        }
        command.add(script.toString());
        command.addAll(args);
        // the repository root: deploy/local/stack -> deploy/local -> deploy -> root
        return new ProcessBuilder(command).directory(script.getParent().getParent().getParent().toFile());
    }

    private static void run(List<String> args, Duration timeout, Consumer<String> stdout) {
        String shown = "deploy/local/stack " + String.join(" ", args);

        Process process;
        try {
            process = stack(args).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + shown + ": " + e.getMessage(), e);
        }
        closeStdin(process);
        Deque<String> stderrTail = new ArrayDeque<>();
        Thread outPump = pump(process.getInputStream(), stdout, "stack-stdout");
        Thread errPump = pump(process.getErrorStream(), line -> {
            System.err.println("[stack] " + line);
            synchronized (stderrTail) {
                stderrTail.addLast(line);
                if (stderrTail.size() > STDERR_LINES_IN_FAILURE) {
                    stderrTail.removeFirst();
                }
            }
        }, "stack-stderr");

        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(shown + " was interrupted", e);
        }
        if (!exited) {
            stop(process);
            throw new IllegalStateException(shown + " did not finish within " + timeout.toMinutes() + " min"
                    + lastLines(stderrTail));
        }
        join(outPump);
        join(errPump);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(shown + " failed (exit " + process.exitValue() + ")" + lastLines(stderrTail));
        }
    }

    private static Consumer<String> passThrough(PrintStream target) {
        return line -> target.println("[stack] " + line);
    }

    private static Thread pump(InputStream stream, Consumer<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the process is gone; what it printed so far has been passed on
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread pump) {
        try {
            pump.join(DRAIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLines(Collection<String> stderrTail) {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : ":\n" + String.join("\n", stderrTail);
        }
    }

    private static void closeStdin(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing reads stdin; a failure to close it changes nothing
        }
    }

    // Only the script itself: servers it started in the background are shared with the rest
    // of the build (and other engineers), so they are never killed from here.
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
