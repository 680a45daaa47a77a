package shop.catalog.outbox;

import java.sql.SQLException;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import shop.kit.problem.Problem;

/**
 * The outbox's way out as catalog-service sees it, for the operations console: the replication
 * slot read now, and the connector as last watched. Internal: the gateway does not route
 * {@code /internal}, and in Kubernetes only the suite's own services reach catalog-service; the
 * console needs no database credentials of its own.
 */
@Path("/internal/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    /** The slot now; the connector as last watched (null before the first reading, or where not watched). */
    public record Answer(OutboxPipeline.Slot slot, OutboxPipeline.State watched, Instant readAt) {
    }

    private final OutboxPipeline pipeline;

    OutboxResource(OutboxPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GET
    @Operation(summary = "The replication slot and the outbox connector (internal)")
    public Answer get() {
        try {
            return new Answer(pipeline.slot(), pipeline.state(), Instant.now());
        } catch (SQLException unreachable) {
            throw Problem.unavailable("the database does not answer: the slot could not be read");
        }
    }
}
