package shop.feed;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.annotation.Blocking;
import shop.feed.activity.ActivityRecorder;
import shop.feed.activity.NewActivity;
import shop.feed.read.FeedEntry;
import shop.feed.read.FeedPage;
import shop.feed.read.FeedReader;
import shop.kit.identity.Caller;
import shop.kit.problem.Problem;

/** A user's activity feed: read it page by page, newest first; record an activity in it. */
@Path("/api/feed/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeedResource {

    static final int MAX_WAIT_MS = 5_000;

    private final FeedReader reader;
    private final ActivityRecorder recorder;
    private final Caller caller;

    FeedResource(FeedReader reader, ActivityRecorder recorder, Caller caller) {
        this.reader = reader;
        this.recorder = recorder;
        this.caller = caller;
    }

    /**
     * One's own feed, or any as an admin; another user's is 404, as if it did not exist. With
     * {@code after=<eventId>}: read your own writes, the page as soon as it holds that event, or after
     * {@code waitMs} (default 0, at most 5,000) as it is, with {@code stale: true}.
     */
    @GET
    @Authenticated
    public Uni<FeedPage> feed(@PathParam("userId") UUID userId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @QueryParam("after") UUID after, @QueryParam("waitMs") Integer waitMs) {
        caller.requireOwnOrAdmin(userId, "feed");
        if (waitMs != null && (waitMs < 0 || waitMs > MAX_WAIT_MS)) {
            throw Problem.invalid("waitMs", "must be from 0 to " + MAX_WAIT_MS);
        }
        if (after == null) {
            if (waitMs != null) {
                throw Problem.invalid("after", "is needed with waitMs: the id of the event to wait for");
            }
            return Uni.createFrom().item(reader.page(userId, limit, cursor));
        }
        return reader.pageHolding(userId, limit, cursor, after, waitMs == null ? 0 : waitMs);
    }

    @POST
    @Path("/events")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Recorded: the activity is in the user's feed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedEntry.class)))
    public Response record(@PathParam("userId") UUID userId, @Valid @NotNull NewActivity activity) {
        caller.requireOwnOrAdmin(userId, "feed");
        return Response.accepted(recorder.record(userId, activity)).build();
    }
}
