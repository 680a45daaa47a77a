package shop.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.catalog.support.OutboxEvents;
import shop.polyglot.stack.LocalStackResource;

/** Outbox.publish: the envelope reaches Kafka once, the row does not stay, a rollback publishes nothing. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    private OutboxEvents events;

    @BeforeEach
    void subscribe() {
        events = OutboxEvents.of("probe");
    }

    @AfterEach
    void close() {
        events.close();
    }

    private long rowsOf(UUID aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox WHERE aggregateid = :id")
                .setParameter("id", aggregateId.toString()).getSingleResult()).longValue());
    }

    @Test
    void aPublishedEventArrivesOnceWithItsEnvelopeAndLeavesNoRow() {
        UUID aggregate = UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish("probe", aggregate, "probe.happened", 7, Map.of("answer", 42)));

        var seen = events.until(aggregate, "probe.happened", 7);
        assertThat(seen).hasSize(1);
        var event = seen.get(0);
        assertThat(event.topic()).isEqualTo("outbox.event.probe");
        assertThat(event.id()).isEqualTo(eventId.toString());
        assertThat(event.payload().path("eventId").asText()).isEqualTo(eventId.toString());
        assertThat(event.payload().path("aggregateId").asText()).isEqualTo(aggregate.toString());
        assertThat(event.payload().path("occurredAt").asText()).isNotBlank();
        assertThat(event.data().path("answer").asInt()).isEqualTo(42);
        // deleted in its own transaction: the table never grows, and the delete is not streamed
        assertThat(rowsOf(aggregate)).isZero();
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID aggregate = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish("probe", aggregate, "probe.rolledback", 1, Map.of());
            throw new IllegalStateException("the business change failed");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> outbox.publish("probe", aggregate, "probe.committed", 2, Map.of()));

        assertThat(events.until(aggregate, "probe.committed", 2)).extracting(OutboxEvents.Event::type)
                .containsExactly("probe.committed");
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish("probe", UUID.randomUUID(), "probe.loose", 1, Map.of()))
                .isInstanceOf(TransactionalException.class);
    }
}
