package shop.ops;

import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import shop.kit.identity.Roles;
import shop.ops.lag.LagHistory;
import shop.ops.pipeline.Pipeline;
import shop.ops.suite.Suite;

/**
 * The console's read-only API (admin only): everything is read afresh from the services and servers
 * on each request; the console keeps nothing.
 */
@Path("/api/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OpsResource {

    /** What the page polls: the suite, the pipeline, and where the traces are. */
    public record Overview(Instant readAt, Suite.State suite, Pipeline.State pipeline, Links links) {
    }

    /** Zipkin's UI for the browser (null without), and where the lag history comes from. */
    public record Links(String zipkin, String lagHistory) {
    }

    private final Suite suite;
    private final Pipeline pipeline;
    private final LagHistory lag;
    private final OpsConfig config;

    OpsResource(Suite suite, Pipeline pipeline, LagHistory lag, OpsConfig config) {
        this.suite = suite;
        this.pipeline = pipeline;
        this.lag = lag;
        this.config = config;
    }

    @GET
    @Path("/overview")
    public Overview overview() {
        var services = suite.read();
        Pipeline.State hops = pipeline.read();
        return new Overview(Instant.now(), services.join(), hops, links());
    }

    @GET
    @Path("/suite")
    public Suite.State suite() {
        return suite.read().join();
    }

    @GET
    @Path("/pipeline")
    public Pipeline.State pipeline() {
        return pipeline.read();
    }

    /** Each view's lag over the last {@code minutes} (Prometheus's history; none without it). */
    @GET
    @Path("/lag")
    public LagHistory.History lag(@QueryParam("minutes") @DefaultValue("15")
            @Min(value = 1, message = "must be a whole number from 1 to 360")
            @Max(value = 360, message = "must be a whole number from 1 to 360") Integer minutes) {
        return lag.read(minutes);
    }

    private Links links() {
        Optional<String> zipkin = config.zipkinUiUrl().map(Object::toString);
        return new Links(zipkin.orElse(null), config.prometheusUrl().isPresent() ? "prometheus" : "page");
    }
}
