package shop.search.status;

import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import shop.kit.projection.DriftReport;
import shop.kit.projection.ViewProgress;
import shop.search.index.IndexUnavailable;
import shop.search.index.ProductIndex;
import shop.search.rebuild.IndexRebuild;

/**
 * How current the view is, answered even while Elasticsearch is down (when an operator needs it
 * most; {@code documents} is then null): documents, the last event and its lag, the lag p50/p99 over the last
 * minute, records behind, dead letters not replayed, and the rebuild's progress.
 */
@Path("/api/search/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    public record Status(Long documents, Instant lastEventAt, Long lastEventLagMs, Long currentLagMs, Long lagP50Ms,
            Long lagP99Ms, Map<String, ViewProgress.HopLag> lagByHop, Long recordsBehind, Long deadLetters, DriftReport lastDrift, IndexRebuild.Progress rebuild) {
    }

    /** How many live products the index holds; null while Elasticsearch does not answer (the rest still does). */
    private Long documents() {
        try {
            return index.documents();
        } catch (IndexUnavailable down) {
            return null;
        }
    }

    private final ProductIndex index;
    private final ViewProgress progress;
    private final IndexRebuild rebuild;

    public StatusResource(ProductIndex index, ViewProgress progress, IndexRebuild rebuild) {
        this.index = index;
        this.progress = progress;
        this.rebuild = rebuild;
    }

    @GET
    public Status status() {
        ViewProgress.Status view = progress.status();
        return new Status(documents(), view.lastEventAt(), view.lastEventLagMs(), view.currentLagMs(),
                view.lagP50Ms(), view.lagP99Ms(), view.lagByHop(), view.recordsBehind(), view.deadLetters(), view.lastDrift(), rebuild.progress());
    }
}
