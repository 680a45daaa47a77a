package shop.search.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "202", description = "Started (or already running): the rebuild's progress; search keeps answering from the current index meanwhile",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndexRebuild.Progress.class)))
    public Response rebuild() {
        return Response.accepted(rebuild.start()).build();
    }
}
