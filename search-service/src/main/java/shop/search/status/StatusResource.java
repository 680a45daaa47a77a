package shop.search.status;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import shop.search.index.ProductIndex;
import shop.search.projection.ProjectionStatus;
import shop.search.rebuild.IndexRebuild;

/** How current the view is: documents, the last event and its lag, and the rebuild's progress. */
@Path("/api/search/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    public record Status(long documents, Instant lastEventAt, Long lastEventLagMs, IndexRebuild.Progress rebuild) {
    }

    private final ProductIndex index;
    private final ProjectionStatus projection;
    private final IndexRebuild rebuild;

    public StatusResource(ProductIndex index, ProjectionStatus projection, IndexRebuild rebuild) {
        this.index = index;
        this.projection = projection;
        this.rebuild = rebuild;
    }

    @GET
    public Status status() {
        ProjectionStatus.LastEvent last = projection.last();
        return new Status(index.documents(), last == null ? null : last.occurredAt(),
                last == null ? null : last.lagMs(), rebuild.progress());
    }
}
