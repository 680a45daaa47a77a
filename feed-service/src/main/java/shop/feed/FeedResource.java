package shop.feed;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import shop.feed.access.Access;
import shop.feed.access.Caller;
import shop.feed.activity.ActivityRecorder;
import shop.feed.activity.NewActivity;
import shop.feed.read.FeedPage;
import shop.feed.read.FeedReader;

/** A user's activity feed: read it page by page, newest first; record an activity in it. */
@Path("/api/feed/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeedResource {

    private final FeedReader reader;
    private final ActivityRecorder recorder;

    FeedResource(FeedReader reader, ActivityRecorder recorder) {
        this.reader = reader;
        this.recorder = recorder;
    }

    @GET
    public FeedPage feed(@BeanParam Caller caller, @PathParam("userId") String userId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        UUID owner = Access.feedOf(caller, userId);
        return reader.page(owner, limit, cursor);
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@BeanParam Caller caller, @PathParam("userId") String userId,
            @Valid @NotNull NewActivity activity) {
        UUID owner = Access.feedOf(caller, userId);
        return Response.accepted(recorder.record(owner, activity)).build();
    }
}
