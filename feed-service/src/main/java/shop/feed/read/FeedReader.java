package shop.feed.read;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import shop.feed.FeedConfig;
import shop.feed.item.FeedItem;
import shop.feed.item.FeedTable;
import shop.kit.problem.Problem;

/**
 * Reads a feed page by page, newest first, without ever showing an expired item or handing out
 * a cursor that leads to an empty page.
 *
 * <p>Each round is one Query for one item more than the page still needs: when that extra item
 * comes back, there is a next page and the cursor points after the page's last item; when the
 * partition ends first, {@code nextCursor} is null. So a user never gets a cursor to an empty page.
 * The filter on {@code ttl} can return fewer items than DynamoDB evaluated; since {@code ttl}
 * grows with the sort key (occurredAt + a fixed retention), a filtered item means everything
 * older has expired too, and reading stops there instead of walking the expired tail. A second
 * round is only needed when DynamoDB stopped at its 1 MB response limit.
 */
@ApplicationScoped
public class FeedReader {

    private final FeedTable table;
    private final FeedCursor cursors;
    private final FeedConfig.Page config;
    private final Clock clock;
    private final FeedArrivals arrivals;

    FeedReader(FeedTable table, FeedConfig config, FeedArrivals arrivals) {
        this.table = table;
        this.arrivals = arrivals;
        this.cursors = new FeedCursor(config.cursor().secret());
        this.config = config.page();
        this.clock = Clock.systemUTC();
    }

    /**
     * Read your own writes: the page as soon as it holds the event {@code eventId} (the newest items,
     * where a write just made lands), or at the deadline ({@code waitMs}) as it is, marked stale.
     * The projection signals the event's arrival; the page is also read again every 250 ms (another
     * replica may write it). No thread is held while it waits.
     */
    public Uni<FeedPage> pageHolding(UUID userId, Integer limit, String cursor, UUID eventId, int waitMs) {
        Supplier<Uni<FeedPage>> read = () -> Uni.createFrom().item(() -> page(userId, limit, cursor))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return arrivals.await(eventId, arrived -> true, read, page -> page.holds(eventId), Duration.ofMillis(waitMs))
                .map(answer -> answer.view().stale(!answer.reached()));
    }

    /** A page of the user's feed; {@code limit} and {@code cursor} as the client sent them (null when absent). */
    public FeedPage page(UUID userId, Integer limit, String cursor) {
        int size = limit == null ? config.defaultLimit() : limit;
        if (size < 1 || size > config.maxLimit()) {
            throw Problem.invalid("limit", "must be from 1 to " + config.maxLimit());
        }
        Optional<String> after = Optional.empty();
        if (cursor != null) {
            after = Optional.of(cursors.open(userId, cursor)
                    .orElseThrow(() -> Problem.invalid("cursor", "is not a cursor of this feed")));
        }
        List<FeedItem> items = new ArrayList<>(size + 1);
        FeedTable.Slice slice;
        do {
            slice = table.newest(userId, after, size + 1 - items.size(), clock.instant());
            items.addAll(slice.items());
            after = slice.lastSortKey();
        } while (items.size() <= size && after.isPresent() && slice.evaluated() == slice.items().size());

        String next = null;
        if (items.size() > size) {
            next = cursors.issue(userId, items.get(size - 1).sortKey());
            items = items.subList(0, size);
        }
        return new FeedPage(items.stream().map(FeedEntry::of).toList(), next);
    }
}
