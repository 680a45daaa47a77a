package shop.feed.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FeedKeysTest {

    private static final UUID EVENT = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    @Test
    void keysHaveTheContractsShape() {
        UUID user = UUID.randomUUID();

        assertThat(FeedKeys.partitionKey(user)).isEqualTo("USER#" + user);
        assertThat(FeedKeys.sortKey(Instant.ofEpochMilli(1_795_000_000_123L), EVENT))
                .isEqualTo("EVENT#1795000000123#" + EVENT);
    }

    @Test
    void theEpochIsZeroPaddedSoStringOrderIsTimeOrder() {
        assertThat(FeedKeys.sortKey(Instant.ofEpochMilli(999), EVENT)).isEqualTo("EVENT#0000000000999#" + EVENT);

        List<Instant> times = List.of(Instant.ofEpochMilli(5), Instant.ofEpochMilli(999), Instant.ofEpochMilli(1000),
                Instant.parse("2001-09-09T01:46:40Z"), Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2286-11-20T17:46:39.999Z"));
        List<String> keys = new ArrayList<>(times.stream().map(t -> FeedKeys.sortKey(t, EVENT)).toList());
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(keys);
    }

    @Test
    void timesASortKeyCannotHoldAreRefused() {
        assertThatThrownBy(() -> FeedKeys.sortKey(Instant.parse("2286-11-20T17:46:40Z"), EVENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedKeys.sortKey(Instant.ofEpochMilli(-1), EVENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyKeysOfThisShapeAreSortKeys() {
        assertThat(FeedKeys.isSortKey("EVENT#1795000000123#" + EVENT)).isTrue();
        assertThat(FeedKeys.isSortKey("EVENT#1795000000123#" + EVENT + "x")).isFalse();
        assertThat(FeedKeys.isSortKey("EVENT#179500000012#" + EVENT)).isFalse();
        assertThat(FeedKeys.isSortKey("USER#" + EVENT)).isFalse();
        assertThat(FeedKeys.isSortKey(null)).isFalse();
    }

    @Test
    void ttlIsTheRetentionAfterTheEventInEpochSeconds() {
        Instant at = Instant.parse("2026-11-27T10:00:00.500Z");

        FeedItem item = FeedItem.of(UUID.randomUUID(), EVENT, "order.paid", at, "{}", Duration.ofDays(90));

        assertThat(item.ttl()).isEqualTo(Instant.parse("2027-02-25T10:00:00Z").getEpochSecond());
    }

    @Test
    void typesAreLowerCaseWordsJoinedByDots() {
        assertThat(FeedItem.isType("order.paid")).isTrue();
        assertThat(FeedItem.isType("product.viewed")).isTrue();
        assertThat(FeedItem.isType("click")).isTrue();
        for (String bad : new String[] {"", "Order.paid", "order..paid", ".order", "order.", "order paid",
                "order-paid", "order.paid1", "a".repeat(65)}) {
            assertThat(FeedItem.isType(bad)).as(bad).isFalse();
        }
        assertThat(FeedItem.isType(null)).isFalse();
    }
}
