package shop.ops.suite;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import shop.ops.OpsConfig;
import shop.ops.Upstream;

/** Every service's readiness and version, and every store's health, read afresh, all at once. */
@ApplicationScoped
public class Suite {

    /** The services and the stores, in a stable order. */
    public record State(List<ServiceState> services, List<StoreState> stores) {
    }

    private final OpsConfig config;
    private final Upstream upstream;

    Suite(OpsConfig config, Upstream upstream) {
        this.config = config;
        this.upstream = upstream;
    }

    public CompletableFuture<State> read() {
        List<CompletableFuture<ServiceState>> services = config.services().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(s -> service(s.getKey(), s.getValue())).toList();
        CompletableFuture<StoreState> connect = direct(Stores.KAFKA_CONNECT, config.connect().url(), "/");
        CompletableFuture<StoreState> zipkin = direct(Stores.ZIPKIN, config.zipkinUrl(), "health");
        CompletableFuture<StoreState> prometheus = direct(Stores.PROMETHEUS, config.prometheusUrl(), "-/ready");
        List<CompletableFuture<?>> all = new ArrayList<>(services);
        all.addAll(List.of(connect, zipkin, prometheus));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ServiceState> read = services.stream().map(CompletableFuture::join).toList();
            List<StoreState> stores = new ArrayList<>();
            for (Stores store : Stores.values()) {
                stores.add(switch (store) {
                    case KAFKA_CONNECT -> connect.join();
                    case ZIPKIN -> zipkin.join();
                    case PROMETHEUS -> prometheus.join();
                    default -> store.fromChecks(read);
                });
            }
            return new State(read, stores);
        });
    }

    private CompletableFuture<ServiceState> service(String name, URI base) {
        CompletableFuture<Upstream.Answer> ready = upstream.get(base, "/q/health/ready");
        CompletableFuture<Upstream.Answer> live = upstream.get(base, "/q/health/live");
        return ready.thenCombine(live, (health, liveness) -> {
            String version = version(liveness.body());
            List<ServiceState.Check> checks = new ArrayList<>();
            for (JsonNode check : health.body().path("checks")) {
                checks.add(new ServiceState.Check(check.path("name").asText(), check.path("status").asText()));
            }
            String status = health.body().path("status").asText("");
            if (health.error() != null || !(status.equals("UP") || status.equals("DOWN"))) {
                return new ServiceState(name, "UNKNOWN", version, checks, health.reason());
            }
            return new ServiceState(name, status, version, checks, status.equals("UP") ? null : "a readiness check failed");
        });
    }

    /** The version service-kit's liveness check {@code build} reports (null from a service without it). */
    private static String version(JsonNode liveness) {
        for (JsonNode check : liveness.path("checks")) {
            if ("build".equals(check.path("name").asText())) {
                return check.path("data").path("version").asText(null);
            }
        }
        return null;
    }

    private CompletableFuture<StoreState> direct(Stores store, Optional<URI> url, String path) {
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(new StoreState(store.label(), "ABSENT", "", "not configured here"));
        }
        return upstream.get(url.get(), path).thenApply(answer -> answer.ok()
                ? new StoreState(store.label(), "UP", "ops-console", url.get().toString())
                : new StoreState(store.label(), "DOWN", "ops-console", answer.reason()));
    }
}
