package shop.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * session-service's read hot paths with many live sessions. Creates {@code --users} sessions
 * (at most {@value #MAX_SESSIONS}) through {@code POST /api/sessions}, each for its own user
 * and living one hour, keeping the tokens in memory only (Redis holds only their hashes, so a
 * later run cannot find them: each run creates its own and lets the last run's expire). Then
 * sends, half and half, {@code GET /api/sessions/introspect} with {@code Authorization: Bearer}
 * (the gateway's call on every signed-in request: one Redis round trip) and
 * {@code GET /api/sessions/{token}} as its owner ({@code X-User-Id}), each for a random seeded
 * session: a warm-up, {@code --rate} req/s for {@code --duration} s (open model), then
 * saturation with {@code --workers}. A request counts as ok only on 200 (and, for introspect,
 * the right {@code X-User-Id}).
 *
 * <p>Port: {@code --service-port}, except that the harness-wide default (8086, leaderboard)
 * means session-service's own 8082.
 */
final class SessionsScenario implements Scenario {

    static final int MAX_SESSIONS = 1_000_000;
    private static final int DEFAULT_PORT = 8082;
    private static final int CREATE_WORKERS = 16;
    private static final int TTL_SECONDS = 3600;

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public String summary() {
        return "create --users sessions (max 1M), then introspect + GET /api/sessions/{token} at --rate and at saturation";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        int port = args.servicePort() == 8086 ? DEFAULT_PORT : args.servicePort();
        Http http = new Http(port);
        String base = http.base();
        requireReady(http);
        int sessions = Math.min(args.users(), MAX_SESSIONS);

        System.err.printf("creating %,d sessions through POST /api/sessions (%d workers)%n", sessions, CREATE_WORKERS);
        AtomicReferenceArray<String> tokens = new AtomicReferenceArray<>(sessions);
        Call create = i -> {
            String body = "{\"userId\":\"" + userId(i) + "\",\"roles\":[\"customer\"],\"ttlSeconds\":" + TTL_SECONDS + "}";
            HttpResponse<String> response = http.send(http.request("/api/sessions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
            // the token is read once the create's latency is taken (Call.Outcome#succeeded)
            return new Call.Outcome("create", response.statusCode() == 201, () -> {
                tokens.set((int) i, JsonBody.of(response.body()).text("token"));
                return true;
            });
        };
        Load.Result created = each(create, sessions);
        report.phase(String.format("seeding: %,d sessions created through the service, %d closed-loop workers "
                + "(latency = service time)", sessions, CREATE_WORKERS), created);
        // a create can fail in transit (the errors row above says how many): retry those, a few times
        int retried = 0;
        for (int i = 0; i < sessions; i++) {
            for (int attempt = 0; tokens.get(i) == null && attempt < 3; attempt++) {
                retried++;
                try {
                    create.run(i).succeeded();
                } catch (Exception e) {
                    System.err.printf("session %d: %s%n", i, e);
                }
            }
            if (tokens.get(i) == null) {
                throw new IllegalStateException("session " + i + " was not created after 3 retries; see the errors above");
            }
        }
        report.line("creates retried after an error: %,d", retried);

        Call call = i -> {
            int s = new SplittableRandom(i).nextInt(sessions);
            String token = tokens.get(s);
            if ((i & 1) == 0) {
                HttpResponse<Void> response = http.send(http.request("/api/sessions/introspect")
                        .header("Authorization", "Bearer " + token).GET(),
                        HttpResponse.BodyHandlers.discarding());
                boolean ok = response.statusCode() == 200
                        && userId(s).equals(response.headers().firstValue("X-User-Id").orElse(null));
                return new Call.Outcome("introspect", ok);
            }
            HttpResponse<Void> response = http.send(http.request("/api/sessions/" + token)
                    .header("X-User-Id", userId(s)).header("X-User-Roles", "customer").GET(),
                    HttpResponse.BodyHandlers.discarding());
            return new Call.Outcome("get", response.statusCode() == 200);
        };

        report.line("service %s, %,d live sessions seeded (plus whatever else Redis holds), machine: %d cores, JDK %s",
                base, sessions, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        report.line("load average before: %s", Machine.loadAverage());
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", args.rate(), args.warmupSeconds());
            Load.fixedRate(call, args.rate(), args.warmupSeconds(), 32, System.err);
        }
        System.err.printf("fixed rate: %d req/s for %d s%n", args.rate(), args.durationSeconds());
        Load.Result fixed = Load.fixedRate(call, args.rate(), args.durationSeconds(), 32, System.err);
        report.line("load average after the fixed-rate phase: %s", Machine.loadAverage());
        report.phase(String.format("fixed rate %d req/s for %d s (latency from the intended send time)",
                args.rate(), args.durationSeconds()), fixed);

        System.err.printf("saturation: %d workers for %d s%n", args.workers(), args.durationSeconds());
        Load.Result saturated = Load.saturation(call, args.durationSeconds(), args.workers(), System.err);
        report.phase(String.format("saturation, %d closed-loop workers for %d s (latency = service time)",
                args.workers(), args.durationSeconds()), saturated);
        report.line("%nload average after: %s", Machine.loadAverage());
        report.line("the seeded sessions expire on their own within %d s", TTL_SECONDS);
    }

    /** Runs {@code call} once for each index below {@code count}, on {@link #CREATE_WORKERS} closed-loop workers. */
    private static Load.Result each(Call call, int count) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CREATE_WORKERS);
        long start = System.nanoTime();
        for (int w = 0; w < CREATE_WORKERS; w++) {
            pool.execute(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    Call.Outcome outcome;
                    try {
                        outcome = call.run(i);
                    } catch (Exception e) {
                        outcome = new Call.Outcome("error", false);
                    }
                    long latency = System.nanoTime() - sent;
                    latencies.record(outcome.label(), latency, outcome.succeeded()); // its answer read untimed
                }
            });
        }
        pool.shutdown();
        ProgressBar bar = new ProgressBar("  created", count, System.err);
        while (!pool.awaitTermination(250, TimeUnit.MILLISECONDS)) {
            bar.update(Math.min(count, next.get()));
        }
        bar.update(count);
        return new Load.Result(latencies, (System.nanoTime() - start) / 1e9, 0, CREATE_WORKERS);
    }

    /** Seeded user {@code i}: a fixed UUID, one session each. */
    static String userId(long i) {
        return UUID.nameUUIDFromBytes(("bench-session-user-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void requireReady(Http http) throws InterruptedException {
        int status;
        try {
            status = http.status("/q/health/ready");
        } catch (IOException e) {
            throw new IllegalStateException("session-service does not answer on " + http.base()
                    + " (deploy/local/stack up --only session-service)", e);
        }
        if (status != 200) {
            throw new IllegalStateException("session-service on " + http.base() + " is not ready: " + status);
        }
    }
}
