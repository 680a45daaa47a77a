package shop.feed.drift;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;
import shop.kit.identity.Roles;
import shop.kit.projection.DriftReport;

/** The drift check of the feeds against catalog-service's orders, and its repair (admins only). */
@Path("/api/feed/drift")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DriftResource {

    private final FeedDrift drift;

    DriftResource(FeedDrift drift) {
        this.drift = drift;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Compare the feeds with the order events catalog implies; with repair=true, write what is missing",
            description = "409 while another check runs; 503, with nothing repaired, when catalog-service does not answer")
    public DriftReport check(@QueryParam("repair") @DefaultValue("false") boolean repair) {
        return drift.check(repair);
    }
}
