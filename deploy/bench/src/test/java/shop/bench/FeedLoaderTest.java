package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FeedLoaderTest {

    private static final Instant ANCHOR = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void itemsHaveFeedServicesLayout() {
        Map<String, AttributeValue> item = FeedLoader.item(7, 3, ANCHOR);

        assertEquals("USER#" + FeedLoader.userId(7), item.get("PK").s());
        assertTrue(item.get("SK").s().matches("EVENT#[0-9]{13}#" + FeedLoader.eventId(7, 3)), item.get("SK").s());
        Instant at = Instant.parse(item.get("occurredAt").s());
        assertEquals(at.toEpochMilli(), Long.parseLong(item.get("SK").s().substring(6, 19)));
        assertEquals(at.plus(Duration.ofDays(90)).getEpochSecond(), Long.parseLong(item.get("ttl").n()));
        assertTrue(item.get("type").s().matches("[a-z]+(\\.[a-z]+)*"));
        assertTrue(item.get("data").s().startsWith("{") && item.get("data").s().endsWith("}"));
    }

    @Test
    void aUsersItemZeroIsItsNewestAndRerunsWriteTheSameKeys() {
        String newest = FeedLoader.item(5, 0, ANCHOR).get("SK").s();
        for (int i = 1; i < FeedLoader.ITEMS_PER_USER; i++) {
            assertTrue(FeedLoader.item(5, i, ANCHOR).get("SK").s().compareTo(newest) < 0);
        }
        assertEquals(FeedLoader.item(5, 42, ANCHOR), FeedLoader.item(5, 42, ANCHOR));
        assertNotEquals(FeedLoader.userId(5), FeedLoader.userId(6));
    }

    @Test
    void aPageBodyIsCountedByItsEventIds() {
        assertEquals(2, FeedScenario.count("{\"items\":[{\"eventId\":\"a\"},{\"eventId\":\"b\"}],\"nextCursor\":null}"));
        assertEquals(0, FeedScenario.count("{\"items\":[],\"nextCursor\":null}"));
    }
}
