package shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What Debezium's EventRouter does to a payload, as seen on the local stack's topics (deploy/e2e checks it live). */
class DebeziumJsonTest {

    @Test
    void nullsAndEmptyArraysAreLeftOutAndDecimalsBecomeDoubles() {
        assertThat(DebeziumJson.render("{\"price\":24.90,\"total\":25.00,\"stock\":5,\"tags\":[],"
                + "\"items\":[{\"productId\":null,\"unitPrice\":10.00,\"quantity\":1}],\"description\":\"\"}"))
                .isEqualTo("{\"price\":24.9,\"total\":25.0,\"stock\":5,"
                        + "\"items\":[{\"unitPrice\":10.0,\"quantity\":1}],\"description\":\"\"}");
    }

    @Test
    void anEventIsWrittenAsCatalogsOutboxWritesIt() {
        UUID order = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", order.toString());
        data.put("total", new BigDecimal("49.50"));
        data.put("items", List.of(Map.of("quantity", 1)));
        OutboxEvent event = new OutboxEvent(UUID.randomUUID(), "order.placed", order, 1,
                Instant.parse("2026-12-03T19:03:37.132972Z"), data);

        assertThat(event.aggregateType()).isEqualTo("order");
        assertThat(event.topic()).isEqualTo("outbox.event.order");
        assertThat(event.json()).isEqualTo("{\"eventId\":\"" + event.eventId() + "\",\"type\":\"order.placed\","
                + "\"aggregateId\":\"" + order + "\",\"version\":1,\"occurredAt\":\"2026-12-03T19:03:37.132972Z\","
                + "\"data\":{\"id\":\"" + order + "\",\"total\":49.50,\"items\":[{\"quantity\":1}]}}");
        assertThat(DebeziumJson.render(event.json())).contains("\"total\":49.5,");
        assertThat(event.at(Instant.EPOCH)).extracting(OutboxEvent::eventId, OutboxEvent::occurredAt)
                .containsExactly(event.eventId(), Instant.EPOCH);
    }
}
