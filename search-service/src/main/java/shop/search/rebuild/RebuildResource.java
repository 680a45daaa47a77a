package shop.search.rebuild;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import shop.search.access.Access;
import shop.search.access.Caller;

@Path("/api/search/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final IndexRebuild rebuild;

    public RebuildResource(IndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    public Response rebuild(@BeanParam Caller caller) {
        Access.admin(caller);
        return Response.accepted(rebuild.start()).build();
    }
}
