package shop.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces outbox events to a real Kafka broker exactly as Debezium's EventRouter publishes
 * catalog-service's outbox rows (deploy/local/components/connect.sh): topic
 * {@code outbox.event.<aggregatetype>}, key = the aggregate id, headers {@code id} (the event id),
 * {@code eventType} and {@code traceparent} (the writer's trace context; a header without a value,
 * as Debezium writes the row's empty column, when the event was written outside a trace), record timestamp = the event's {@code occurredAt} (which the outbox topics replace with their
 * append time, as they do Debezium's), value = the payload as
 * Debezium renders it ({@link DebeziumJson}). So a consumer's tests feed it what catalog-service
 * and Debezium would, without either: each event is first checked against its type's schema.
 */
public final class OutboxEvents implements AutoCloseable {

    private static final long ACK_SECONDS = 30;

    private final KafkaProducer<String, String> producer;

    private OutboxEvents(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** A producer to the broker at {@code bootstrapServers} ({@code host:port}); close it when done. */
    public static OutboxEvents to(String bootstrapServers) {
        return new OutboxEvents(bootstrapServers);
    }

    /** Checks the event against its type's schema, publishes it, and waits until Kafka has it. */
    public RecordMetadata publish(OutboxEvent event) {
        return publishInTrace(event, null);
    }

    /**
     * Publishes an event of a retired shape that may still sit in a topic (checked against that
     * shape, {@link EventSchemas#LEGACY}): what an older producer left behind.
     */
    public RecordMetadata publishRetired(OutboxEvent event) {
        EventSchemas.assertValidLegacy(event.type(), DebeziumJson.render(event.json()));
        return send(event);
    }

    /**
     * Publishes a record that is not a valid event (a poison record, or one of a type the contract
     * does not have), unchecked and as given; {@code id} and {@code eventType} headers only when not null.
     */
    public RecordMetadata publishRaw(String topic, String key, String eventId, String eventType, String value) {
        return await(new ProducerRecord<>(topic, null, null, key, value, headers(eventId, eventType)));
    }

    /**
     * As {@link #publish}, with this value in the {@code traceparent} header: a writer's trace
     * context, or anything a header might carry (a consumer must not stop on a bad one); null: a
     * header without a value, as for an event written outside a trace.
     */
    public RecordMetadata publishInTrace(OutboxEvent event, String traceparent) {
        EventSchemas.assertValid(event.type(), DebeziumJson.render(event.json()));
        return send(event, traceparent);
    }

    private RecordMetadata send(OutboxEvent event) {
        return send(event, null);
    }

    private RecordMetadata send(OutboxEvent event, String traceparent) {
        List<Header> headers = headers(event.eventId().toString(), event.type());
        headers.add(new RecordHeader("traceparent", traceparent == null ? null : traceparent.getBytes(StandardCharsets.UTF_8)));
        return await(new ProducerRecord<>(event.topic(), null, event.occurredAt().toEpochMilli(),
                event.aggregateId().toString(), DebeziumJson.render(event.json()), headers));
    }

    private static List<Header> headers(String eventId, String eventType) {
        List<Header> headers = new ArrayList<>();
        if (eventId != null) {
            headers.add(new RecordHeader("id", eventId.getBytes(StandardCharsets.UTF_8)));
        }
        if (eventType != null) {
            headers.add(new RecordHeader("eventType", eventType.getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private RecordMetadata await(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(ACK_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the record for " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
