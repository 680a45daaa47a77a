package shop.search.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import shop.kit.identity.Roles;


@Path("/api/search/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final IndexRebuild rebuild;

    public RebuildResource(IndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response rebuild() {
        return Response.accepted(rebuild.start()).build();
    }
}
