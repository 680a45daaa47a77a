package shop.search.drift;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import shop.kit.identity.Roles;
import shop.kit.projection.DriftReport;

/** The drift check of the index against catalog-service, and its repair (admins only). */
@Path("/api/search/drift")
@Produces(MediaType.APPLICATION_JSON)
public class DriftResource {

    private final IndexDrift drift;

    DriftResource(IndexDrift drift) {
        this.drift = drift;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Compare the index with catalog-service; with repair=true, rewrite what drifted",
            description = "409 while another check runs; 503, with nothing repaired, when catalog-service does not answer")
    public DriftReport check(@QueryParam("repair") @DefaultValue("false") boolean repair) {
        return drift.check(repair);
    }
}
