package shop.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * CPU time spent by the service under test (the process listening on its port), by its PostgreSQL (the
 * server listening on the PostgreSQL port and all its processes: backends, WAL writer, the walsender feeding
 * Debezium) and by the whole machine
 * over a phase, from {@code /proc}. On a box shared with other work the latency figures move with the load;
 * CPU milliseconds per request do not, so they compare runs taken at different load averages.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** Ticks at the start of a phase. */
    record Sample(long service, long postgres, long machineBusy, long machineTotal, long nanos) {
    }

    private final long pid;
    private final long postmaster;

    private ProcessCpu(long pid, long postmaster) {
        this.pid = pid;
        this.postmaster = postmaster;
    }

    /** The service listening on {@code servicePort} and the PostgreSQL on {@code pgPort}; empty off Linux. */
    static java.util.Optional<ProcessCpu> of(int servicePort, int pgPort) {
        OptionalLong service = listeningPid(servicePort);
        OptionalLong postgres = listeningPid(pgPort);
        return service.isPresent() && postgres.isPresent()
                ? java.util.Optional.of(new ProcessCpu(service.getAsLong(), postgres.getAsLong()))
                : java.util.Optional.empty();
    }

    /** The process listening on 127.0.0.1:{@code port}, when it is ours to read. */
    private static OptionalLong listeningPid(int port) {
        OptionalLong inode = listeningInode(port);
        if (inode.isEmpty()) {
            return OptionalLong.empty();
        }
        String socket = "socket:[" + inode.getAsLong() + "]";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (socket.equals(Files.readSymbolicLink(fd).toString())) {
                            return OptionalLong.of(Long.parseLong(proc.getFileName().toString()));
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // a process that ended or is not ours: not the one
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    Sample sample() {
        long[] machine = machine();
        return new Sample(ticks(pid), postgresTicks(postmaster), machine[0], machine[1], System.nanoTime());
    }

    /** One line: CPU per request of the service and of PostgreSQL, and how busy the box was. */
    String since(Sample start, long requests) {
        Sample end = sample();
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        double service = (end.service() - start.service()) / TICKS_PER_SECOND;
        double postgres = (end.postgres() - start.postgres()) / TICKS_PER_SECOND;
        double busy = end.machineTotal() == start.machineTotal() ? 0
                : 100.0 * (end.machineBusy() - start.machineBusy()) / (end.machineTotal() - start.machineTotal());
        return String.format(Locale.ROOT, "CPU: service (pid %d) %.2f ms per request (%.0f %% of a core), PostgreSQL "
                + "(pid %d and its processes) %.2f ms per request (%.0f %% of a core); machine %.0f %% busy",
                pid, 1000 * service / Math.max(1, requests), 100 * service / seconds, postmaster,
                1000 * postgres / Math.max(1, requests), 100 * postgres / seconds, busy);
    }

    private static OptionalLong listeningInode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address ends with the port; st 0A = LISTEN; inode is field 9
                    if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
                        return OptionalLong.of(Long.parseLong(f[9]));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table here
            }
        }
        return OptionalLong.empty();
    }

    /** utime + stime of a process (all its threads), in ticks; 0 when it is gone. Children that ended are not counted. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The postmaster and its children. */
    private static long postgresTicks(long postmaster) {
        long sum = ticks(postmaster);
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmaster) {
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /** busy and total ticks of all cores, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
