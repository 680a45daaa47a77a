package shop.feed.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import shop.feed.item.FeedKeys;

/** The paging cursor for any user, sort key and tampering (jqwik, no Quarkus, no DynamoDB). */
class FeedCursorPropertyTest {

    private final FeedCursor cursors = new FeedCursor("a-property-test-secret");

    @Property
    void aCursorOpensForItsUserToTheSortKeyItCarries(@ForAll("users") UUID user, @ForAll("sortKeys") String sortKey) {
        String cursor = cursors.issue(user, sortKey);
        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(cursors.open(user, cursor)).contains(sortKey);
    }

    @Property
    void aCursorNeverOpensForAnotherUser(@ForAll("users") UUID user, @ForAll("users") UUID other,
            @ForAll("sortKeys") String sortKey) {
        if (!user.equals(other)) {
            assertThat(cursors.open(other, cursors.issue(user, sortKey))).isEmpty();
        }
    }

    @Property
    void aCursorFromAnotherSecretNeverOpens(@ForAll("users") UUID user, @ForAll("sortKeys") String sortKey) {
        assertThat(cursors.open(user, new FeedCursor("another-secret-of-length").issue(user, sortKey))).isEmpty();
    }

    @Property
    void changingAnyOneCharacterNeverOpensTheCursorToAnotherKey(@ForAll("users") UUID user, @ForAll("sortKeys") String sortKey,
            @ForAll @IntRange(min = 0, max = 1_000) int where, @ForAll char replacement) {
        String cursor = cursors.issue(user, sortKey);
        int at = where % cursor.length();
        if (cursor.charAt(at) != replacement) {
            String tampered = cursor.substring(0, at) + replacement + cursor.substring(at + 1);
            // base64 without padding: the last character's low bits are ignored by some decoders,
            // so a change there may decode to the same bytes — then it is the same cursor, not a forgery
            cursors.open(user, tampered).ifPresent(opened -> assertThat(opened).isEqualTo(sortKey));
        }
    }

    @Property
    void anyStringIsEitherRefusedOrASortKeyOfThisUser(@ForAll("users") UUID user, @ForAll String anything) {
        // never an exception: whatever a client sends as ?cursor= is answered, not thrown
        cursors.open(user, anything).ifPresent(sortKey -> assertThat(FeedKeys.isSortKey(sortKey)).isTrue());
    }

    @Provide
    Arbitrary<UUID> users() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()));
    }

    @Provide
    Arbitrary<String> sortKeys() {
        // any instant the key can hold (13 digits of epoch millis) and any event id
        return Arbitraries.longs().between(0, 9_999_999_999_999L).flatMap(millis -> users()
                .map(eventId -> FeedKeys.sortKey(Instant.ofEpochMilli(millis), eventId)));
    }
}
