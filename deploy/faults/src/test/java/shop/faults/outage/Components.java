package shop.faults.outage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import shop.faults.stack.Stack;
import shop.polyglot.stack.LocalStack;

/**
 * The stack's processes as a fault sees them: killed with SIGKILL through their pid files
 * ({@code .state/run/<component>.pid}, the whole process group, as a crash or an OOM kill would),
 * and brought back with {@code deploy/local/stack up --only <component>}, which also waits until
 * the component is healthy again. Never anything but a process the stack recorded.
 */
public final class Components {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DEATH_TIMEOUT = Duration.ofSeconds(30);

    private Components() {
    }

    /** SIGKILL to the component's process group; returns once no process of it is left. */
    public static void kill(String component) {
        long pid = pid(component).orElseThrow(() -> new IllegalStateException(component
                + " has no pid file: it is not running, so it cannot be killed"));
        List<ProcessHandle> group = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(leader -> {
            group.add(leader);
            leader.descendants().forEach(group::add);
        });
        // the group first (setsid made the leader its own group), then any descendant that left it
        run(List.of("kill", "-KILL", "--", "-" + pid), Duration.ofSeconds(10), true);
        group.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + DEATH_TIMEOUT.toNanos();
        while (group.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(component + " (pid " + pid + ") still alive after SIGKILL");
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Starts the components again (and waits until they are healthy), as an operator would. */
    public static void start(String... components) {
        run(List.of(LocalStack.script().toString(), "up", "--only", String.join(",", components)), UP_TIMEOUT, false);
    }

    /** Stops components the way {@code deploy/local/stack down --only} does (SIGTERM, then SIGKILL). */
    public static void stop(String... components) {
        run(List.of(LocalStack.script().toString(), "down", "--only", String.join(",", components)), UP_TIMEOUT, false);
    }

    /** Every component of the suite up and healthy: what each scenario leaves behind. */
    public static void allHealthy() {
        start(String.join(",", Stack.components()));
    }

    public static boolean running(String component) {
        return pid(component).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The pid the stack recorded for a running component (to tell a restart from a recovery). */
    public static Optional<Long> pidOf(String component) {
        return running(component) ? pid(component) : Optional.empty();
    }

    private static Optional<Long> pid(String component) {
        Path file = Path.of(Stack.setting("STACK_STATE_DIR"), "run", component + ".pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text.lines().findFirst().orElseThrow()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static void run(List<String> command, Duration timeout, boolean mayFail) {
        try {
            Process process = new ProcessBuilder(command).directory(LocalStack.script().getParent().getParent()
                    .getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
