package shop.search.projection;

import java.nio.charset.StandardCharsets;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import shop.kit.projection.ViewProgress;

/**
 * Events the projection cannot use go, unchanged, to the dead-letter topic
 * ({@code mp.messaging.outgoing.dead-letters.topic}) with headers saying why and where they came
 * from (and which consumer group refused them), so that they can be inspected and replayed;
 * they never stop the stream.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> topic;
    private final String group;
    private final ViewProgress progress;

    DeadLetters(@Channel("dead-letters") MutinyEmitter<String> topic,
            @ConfigProperty(name = "mp.messaging.incoming.product-events.group.id") String group, ViewProgress progress) {
        this.topic = topic;
        this.group = group;
        this.progress = progress;
    }

    /** Sends the record and waits for Kafka's acknowledgement, so the source offset is committed only after. */
    public void send(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        // several consumer groups may project the same topic (another index, a test run)
        headers.add("dead-letter-group", bytes(group));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        topic.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
        progress.deadLettered(record.topic());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
