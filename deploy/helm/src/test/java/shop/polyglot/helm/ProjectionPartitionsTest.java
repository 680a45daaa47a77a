package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.name;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A projection (a service that consumes the outbox topics) never runs more replicas than the
 * topics it reads have partitions: Kafka gives each partition to one consumer of a group, so
 * replicas beyond the partitions would sit idle while counting as capacity. Which topics each
 * service reads comes from its own application.properties.
 */
class ProjectionPartitionsTest {

    static final Pattern INCOMING_TOPIC = Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.[^.]+\\.topic=(outbox\\.event\\.\\S+)$");

    @Test
    void projectionReplicasNeverExceedTheirTopicsPartitions() throws IOException {
        Map<String, Set<String>> projections = projections();
        assertThat(projections).as("services reading outbox topics").containsOnlyKeys("search-service", "feed-service");
        for (Rendered rendered : List.of(RenderedCharts.dev(), RenderedCharts.production())) {
            Map<String, Integer> partitions = new TreeMap<>();
            rendered.ofKind("KafkaTopic").forEach(t -> partitions.put(name(t), (Integer) at(t, "spec.partitions")));
            projections.forEach((service, topics) -> {
                int replicas = maxReplicas(rendered, service);
                for (String topic : topics) {
                    assertThat(partitions).as("%s reads %s: a KafkaTopic fixes its partitions", service, topic).containsKey(topic);
                    assertThat(replicas).as("%s's replicas at most, against %s's partitions", service, topic)
                            .isLessThanOrEqualTo(partitions.get(topic));
                }
            });
        }
        // production scales the projections out, so its topics are partitioned
        assertThat(maxReplicas(RenderedCharts.production(), "search-service")).isGreaterThan(1);
    }

    @Test
    void theLocalStackDeclaresTheSameOutboxTopics() throws Exception {
        // deploy/local creates these before anything subscribes, as the chart's KafkaTopics do
        Set<String> local = new TreeSet<>(List.of(localKafka("printf '%s\\n' \"${OUTBOX_TOPICS[@]}\"").trim().split("\n")));
        Set<String> chart = new TreeSet<>();
        RenderedCharts.dev().ofKind("KafkaTopic").forEach(t -> chart.add(name(t)));
        assertThat(local).as("deploy/local/components/kafka.sh OUTBOX_TOPICS").isEqualTo(chart);
        Set<String> read = new TreeSet<>();
        projections().values().forEach(read::addAll);
        assertThat(local).as("every topic a projection reads is declared").containsAll(read);
    }

    @Test
    void theOutboxTopicsStampTheBrokersAppendTimeHereAndLocally() throws Exception {
        // the projections' lag hop by hop needs when Kafka appended each event (service-kit LagHops)
        for (Rendered rendered : List.of(RenderedCharts.dev(), RenderedCharts.production())) {
            rendered.ofKind("KafkaTopic").forEach(t -> assertThat(at(t, "spec.config"))
                    .as("%s's config", name(t)).isEqualTo(Map.of("message.timestamp.type", "LogAppendTime")));
        }
        assertThat(localKafka("printf '%s' \"$OUTBOX_TOPIC_CONFIG\"")).as("deploy/local/components/kafka.sh OUTBOX_TOPIC_CONFIG").isEqualTo("message.timestamp.type=LogAppendTime");
    }

    /** What {@code command} prints with deploy/local's Kafka component sourced (its declarations). */
    static String localKafka(String command) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", "source deploy/local/components/kafka.sh; " + command)
                .directory(RenderedCharts.REPO.toFile()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(out).isZero();
        return out;
    }

    /** The most replicas the service may run: its autoscaler's maximum, else its Deployment's count. */
    static int maxReplicas(Rendered rendered, String service) {
        return rendered.ofKind("HorizontalPodAutoscaler").stream().filter(h -> name(h).equals(service))
                .map(h -> (Integer) at(h, "spec.maxReplicas")).findFirst()
                .orElseGet(() -> (Integer) at(rendered.one("Deployment", service), "spec.replicas"));
    }

    /** service -> the outbox topics its application.properties subscribes to. */
    static Map<String, Set<String>> projections() throws IOException {
        Map<String, Set<String>> projections = new TreeMap<>();
        for (String service : Charts.SERVICES) {
            String properties = Files.readString(RenderedCharts.REPO.resolve(service).resolve("src/main/resources/application.properties"));
            Matcher m = INCOMING_TOPIC.matcher(properties);
            while (m.find()) {
                projections.computeIfAbsent(service, s -> new TreeSet<>()).add(m.group(1));
            }
        }
        return projections;
    }
}
