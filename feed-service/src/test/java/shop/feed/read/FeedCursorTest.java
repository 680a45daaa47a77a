package shop.feed.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shop.feed.item.FeedKeys;

class FeedCursorTest {

    private static final String SECRET = "a-test-secret-of-some-length";
    private final FeedCursor cursors = new FeedCursor(SECRET);
    private final UUID user = UUID.randomUUID();
    private final String sortKey = FeedKeys.sortKey(Instant.parse("2026-11-27T10:00:00.123Z"), UUID.randomUUID());

    @Test
    void aCursorOpensToTheSortKeyItWasIssuedFor() {
        String cursor = cursors.issue(user, sortKey);

        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(cursors.open(user, cursor)).contains(sortKey);
    }

    @Test
    void aCursorOfAnotherUsersFeedIsRefused() {
        String cursor = cursors.issue(user, sortKey);

        assertThat(cursors.open(UUID.randomUUID(), cursor)).isEmpty();
    }

    @Test
    void aCursorSignedWithAnotherSecretIsRefused() {
        String cursor = new FeedCursor("another-secret-of-some-length").issue(user, sortKey);

        assertThat(cursors.open(user, cursor)).isEmpty();
    }

    @Test
    void aCursorWithAChangedSortKeyIsRefused() {
        String cursor = cursors.issue(user, sortKey);
        String otherKey = FeedKeys.sortKey(Instant.parse("2030-01-01T00:00:00Z"), UUID.randomUUID());
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(otherKey.getBytes(StandardCharsets.UTF_8))
                + cursor.substring(cursor.indexOf('.'));

        assertThat(cursors.open(user, forged)).isEmpty();
    }

    @Test
    void malformedCursorsAreRefused() {
        String cursor = cursors.issue(user, sortKey);
        for (String malformed : new String[] {"", ".", "abc", "abc.", ".abc", "a.b.c", "!!!.???",
                cursor + "x", cursor.replace('.', '-'), cursor + "." + cursor, "x".repeat(300)}) {
            assertThat(cursors.open(user, malformed)).as(malformed).isEmpty();
        }
        assertThat(cursors.open(user, null)).isEmpty();
    }

    @Test
    void aSignedValueThatIsNotASortKeyIsRefused() {
        // signed with the right secret, but not a key this service writes
        String notAKey = "USER#" + UUID.randomUUID();
        String cursor = cursors.issue(user, notAKey);

        assertThat(cursors.open(user, cursor)).isEmpty();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new FeedCursor("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
