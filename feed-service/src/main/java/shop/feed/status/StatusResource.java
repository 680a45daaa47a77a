package shop.feed.status;

import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import shop.feed.item.FeedStoreUnavailable;
import shop.feed.item.FeedTable;
import shop.kit.projection.DriftReport;
import shop.kit.projection.ViewProgress;

/**
 * How current the feed is, answered even while DynamoDB is down ({@code items} is then null): its items, the last event applied and its lag, the lag p50/p99 over the
 * last minute and each hop's (capture, queued, apply: ViewProgress), records behind and dead letters not replayed (search-service's status, for the feed).
 */
@Path("/api/feed/status")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StatusResource {

    public record Status(Long items, Instant lastEventAt, Long lastEventLagMs, Long currentLagMs, Long lagP50Ms,
            Long lagP99Ms, Map<String, ViewProgress.HopLag> lagByHop, Long recordsBehind, Long deadLetters, DriftReport lastDrift) {
    }

    /** The table's item count; null while DynamoDB does not answer (the rest still does). */
    private Long items() {
        try {
            return table.items();
        } catch (FeedStoreUnavailable down) {
            return null;
        }
    }

    private final FeedTable table;
    private final ViewProgress progress;

    StatusResource(FeedTable table, ViewProgress progress) {
        this.table = table;
        this.progress = progress;
    }

    @GET
    public Status status() {
        ViewProgress.Status view = progress.status();
        return new Status(items(), view.lastEventAt(), view.lastEventLagMs(), view.currentLagMs(),
                view.lagP50Ms(), view.lagP99Ms(), view.lagByHop(), view.recordsBehind(), view.deadLetters(), view.lastDrift());
    }
}
