package shop.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the API gateway (nginx on 8080) adds to a request. One cheap public read,
 * {@code GET /api/leaderboards/{board}/top?count=10}, sent three ways in turn: straight to
 * leaderboard-service ({@code direct}), through the gateway without a token ({@code gateway}), and
 * through the gateway with a bearer token ({@code gateway+token}: nginx's auth_request to
 * session-service's introspection, whose answer it caches a few seconds). A warm-up, {@code --rate}
 * req/s for {@code --duration} s (open model), then saturation with {@code --workers}.
 *
 * <p>The gateway limits each client's rate (50 req/s by default), so the load comes from
 * {@value #CLIENTS} clients, each naming itself in {@code X-Forwarded-For} (which the local gateway
 * trusts from 127.0.0.1, as from a load balancer): the run measures the gateway, not its limiter.
 * The tokens are {@value #TOKENS} sessions created through session-service's internal
 * {@code POST /api/sessions} (one hour, role customer).
 */
final class GatewayScenario implements Scenario {

    static final int CLIENTS = 4096;
    static final int TOKENS = 200;
    private static final int GATEWAY_PORT = 8080;
    private static final int SESSION_PORT = 8082;

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String summary() {
        return "leaderboard top?count=10 direct vs through the gateway (8080), anonymous and with a token";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        Http direct = new Http(args.servicePort());
        Http gateway = new Http(GATEWAY_PORT);
        Http sessions = new Http(SESSION_PORT);
        String path = "/api/leaderboards/" + args.board() + "/top?count=10";
        requireOk(direct, path, "leaderboard-service (deploy/local/stack up --only leaderboard-service)");
        requireOk(gateway, path, "the gateway (deploy/local/stack up --only gateway,leaderboard-service)");
        List<String> tokens = createSessions(sessions);

        Call call = i -> {
            String client = "198.18." + (i % CLIENTS / 256) + "." + (i % 256);
            switch ((int) (i % 3)) {
                case 0:
                    return new Call.Outcome("direct", direct.status(path) == 200);
                case 1:
                    return new Call.Outcome("gateway", status(gateway, path, client, null) == 200);
                default:
                    String token = tokens.get(new SplittableRandom(i).nextInt(tokens.size()));
                    return new Call.Outcome("gateway+token", status(gateway, path, client, token) == 200);
            }
        };

        report.line("direct %s, gateway %s, GET %s; %d clients, %d tokens; machine: %d cores, JDK %s",
                direct.base(), gateway.base(), path, CLIENTS, TOKENS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        report.line("load average before: %s", Machine.loadAverage());
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", args.rate(), args.warmupSeconds());
            Load.fixedRate(call, args.rate(), args.warmupSeconds(), 32, System.err);
        }
        System.err.printf("fixed rate: %d req/s for %d s%n", args.rate(), args.durationSeconds());
        Load.Result fixed = Load.fixedRate(call, args.rate(), args.durationSeconds(), 32, System.err);
        report.line("load average after the fixed-rate phase: %s", Machine.loadAverage());
        report.phase(String.format("fixed rate %d req/s for %d s, a third each (latency from the intended send time)",
                args.rate(), args.durationSeconds()), fixed);

        System.err.printf("saturation: %d workers for %d s%n", args.workers(), args.durationSeconds());
        Load.Result saturated = Load.saturation(call, args.durationSeconds(), args.workers(), System.err);
        report.phase(String.format("saturation, %d closed-loop workers for %d s, a third each (latency = service time)",
                args.workers(), args.durationSeconds()), saturated);
        report.line("%nload average after: %s", Machine.loadAverage());
    }

    private static int status(Http gateway, String path, String client, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = gateway.request(path).header("X-Forwarded-For", client).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return gateway.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> createSessions(Http sessions) throws IOException, InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < TOKENS; i++) {
            String body = "{\"userId\":\"" + SessionsScenario.userId(i) + "\",\"roles\":[\"customer\"],\"ttlSeconds\":3600}";
            HttpResponse<String> response = sessions.send(sessions.request("/api/sessions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("session-service did not create a session: " + response.statusCode()
                        + " " + response.body());
            }
            tokens.add(JsonBody.of(response.body()).text("token"));
        }
        return tokens;
    }

    private static void requireOk(Http http, String path, String what) throws InterruptedException {
        int status;
        try {
            status = http.status(path);
        } catch (IOException e) {
            throw new IllegalStateException(what + " does not answer on " + http.base(), e);
        }
        if (status != 200) {
            throw new IllegalStateException(what + " answered " + status + " to GET " + path + " on " + http.base());
        }
    }
}
