package shop.ops.pipeline;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import shop.ops.OpsConfig;
import shop.ops.Upstream;

/**
 * The way a write takes after it commits, hop by hop, as it stands now: PostgreSQL's replication
 * slot (as catalog-service reads it), the Debezium connector and its tasks (Kafka Connect), the
 * outbox topics' end offsets and each view's consumer group's records behind (Kafka), and each
 * view's own status (lag, dead letters, last drift check) from the service that owns it.
 */
@ApplicationScoped
public class Pipeline {

    /** The replication slot: whether Debezium streams from it, the WAL it holds back, the LSN it confirmed. */
    public record Slot(String name, Boolean active, Long retainedBytes, String confirmedFlushLsn, String reason) {
    }

    /** The connector and its tasks, as Kafka Connect reports them. */
    public record Connector(String name, String state, List<Task> tasks, String reason) {
    }

    public record Task(int id, String state, String trace) {
    }

    /** A derived view: its consumer group's records behind per topic, and the view's own status. */
    public record View(String name, String service, String api, String store, String group, Map<String, Long> behind,
            String kafkaReason, JsonNode status, String statusReason) {
    }

    /** The pipeline hop by hop; a {@code *Reason} says why a part is not known. */
    public record State(Slot slot, Connector connector, List<KafkaPositions.Topic> topics, String topicsReason,
            List<View> views) {
    }

    private final OpsConfig config;
    private final Upstream upstream;
    private final KafkaPositions kafka;

    Pipeline(OpsConfig config, Upstream upstream, KafkaPositions kafka) {
        this.config = config;
        this.upstream = upstream;
        this.kafka = kafka;
    }

    public State read() {
        CompletableFuture<Slot> slot = slot();
        CompletableFuture<Connector> connector = connector();
        Map<String, CompletableFuture<Upstream.Answer>> statuses = new LinkedHashMap<>();
        config.views().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(view -> {
            URI service = config.services().get(view.getValue().service());
            statuses.put(view.getKey(), service == null
                    ? CompletableFuture.completedFuture(new Upstream.Answer(0, null, "", "service not configured"))
                    : upstream.get(service, view.getValue().api() + "/status"));
        });

        // Kafka's admin calls block: they run here while the HTTP probes above are in flight
        List<KafkaPositions.Topic> topics = List.of();
        String topicsReason = null;
        try {
            topics = kafka.topics();
        } catch (KafkaPositions.Unknown unknown) {
            topicsReason = unknown.getMessage();
        }
        List<View> views = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<Upstream.Answer>> entry : statuses.entrySet()) {
            OpsConfig.View view = config.views().get(entry.getKey());
            Map<String, Long> behind = Map.of();
            String kafkaReason = topicsReason;
            if (topicsReason == null) {
                try {
                    behind = kafka.behind(view.group(), view.topics());
                } catch (KafkaPositions.Unknown unknown) {
                    kafkaReason = unknown.getMessage();
                }
            }
            Upstream.Answer status = entry.getValue().join();
            views.add(new View(entry.getKey(), view.service(), view.api(), view.store(), view.group(), behind, kafkaReason,
                    status.ok() ? status.body() : null, status.ok() ? null : status.reason()));
        }
        return new State(slot.join(), connector.join(), topics, topicsReason, views);
    }

    private CompletableFuture<Slot> slot() {
        URI catalog = config.services().get("catalog-service");
        if (catalog == null) {
            return CompletableFuture.completedFuture(new Slot(null, null, null, null, "catalog-service not configured"));
        }
        return upstream.get(catalog, "/internal/outbox").thenApply(answer -> {
            if (!answer.ok()) {
                return new Slot(null, null, null, null, "catalog-service: " + answer.reason());
            }
            JsonNode slot = answer.body().path("slot");
            return new Slot(slot.path("name").asText(null), slot.path("active").isBoolean() ? slot.path("active").asBoolean()
                    : null, slot.path("retainedBytes").isNumber() ? slot.path("retainedBytes").asLong() : null,
                    slot.path("confirmedFlushLsn").asText(null), slot.path("exists").asBoolean(true) ? null
                    : "the slot does not exist");
        });
    }

    private CompletableFuture<Connector> connector() {
        String name = config.connect().connector();
        if (config.connect().url().isEmpty()) {
            return CompletableFuture.completedFuture(new Connector(name, null, List.of(), "Kafka Connect not configured"));
        }
        return upstream.get(config.connect().url().get(), "/connectors/" + name + "/status").thenApply(answer -> {
            if (!answer.ok()) {
                return new Connector(name, null, List.of(), answer.status() == 404 ? "not registered" : answer.reason());
            }
            List<Task> tasks = new ArrayList<>();
            for (JsonNode task : answer.body().path("tasks")) {
                tasks.add(new Task(task.path("id").asInt(), task.path("state").asText(), task.path("trace").asText(null)));
            }
            return new Connector(name, answer.body().path("connector").path("state").asText(null), tasks, null);
        });
    }
}
