package shop.leaderboard.board;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import shop.kit.identity.Roles;

/**
 * REST: who may ask (Quarkus Security, from the gateway's headers), the parameters as types
 * (a UUID, a period, a bounded count: 400 naming the field otherwise), then one call into
 * {@link Leaderboard}. Methods return {@link Uni}, so they run on the event loop; nothing here blocks.
 */
@Path("/api/leaderboards/{board}")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    static final String BOARD = "[a-z0-9-]{1,64}";
    static final String BOARD_MESSAGE = "must match [a-z0-9-]{1,64}";

    /** {@code {"score": n}}: a whole number within {@link ScoreRange}. */
    public record NewScore(@NotNull @Min(-ScoreRange.MAX_ABS) @Max(ScoreRange.MAX_ABS) Long score) {
    }

    /** {@code {"delta": n}}: a whole number within {@link ScoreRange}. */
    public record ScoreDelta(@NotNull @Min(-ScoreRange.MAX_ABS) @Max(ScoreRange.MAX_ABS) Long delta) {
    }

    private final Leaderboard leaderboard;

    public LeaderboardResource(Leaderboard leaderboard) {
        this.leaderboard = leaderboard;
    }

    /** Sets the score; answers {@code {userId, score, rank}}. Admin only. */
    @PUT
    @Path("/scores/{userId}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Entry> setScore(@PathParam("board") @Pattern(regexp = BOARD, message = BOARD_MESSAGE) String board,
            @PathParam("userId") UUID userId, @QueryParam("period") @DefaultValue("all-time") Period period,
            @NotNull @Valid NewScore body) {
        return leaderboard.setScore(board, period, userId.toString(), body.score());
    }

    /** Adds {@code delta} atomically; answers {@code {userId, score, rank}}. Admin only. */
    @POST
    @Path("/scores/{userId}/increment")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Entry> increment(@PathParam("board") @Pattern(regexp = BOARD, message = BOARD_MESSAGE) String board,
            @PathParam("userId") UUID userId, @QueryParam("period") @DefaultValue("all-time") Period period,
            @NotNull @Valid ScoreDelta body) {
        return leaderboard.increment(board, period, userId.toString(), body.delta());
    }

    @GET
    @Path("/top")
    public Uni<List<Entry>> top(@PathParam("board") @Pattern(regexp = BOARD, message = BOARD_MESSAGE) String board,
            @QueryParam("period") @DefaultValue("all-time") Period period,
            @QueryParam("count") @DefaultValue("10") @Min(value = 1, message = "must be a whole number from 1 to 100")
            @Max(value = 100, message = "must be a whole number from 1 to 100") Integer count) {
        return leaderboard.top(board, period, count);
    }

    @GET
    @Path("/users/{userId}")
    public Uni<Entry> rankOf(@PathParam("board") @Pattern(regexp = BOARD, message = BOARD_MESSAGE) String board,
            @PathParam("userId") UUID userId, @QueryParam("period") @DefaultValue("all-time") Period period) {
        return leaderboard.rankOf(board, period, userId.toString());
    }

    @GET
    @Path("/users/{userId}/around")
    public Uni<List<Entry>> around(@PathParam("board") @Pattern(regexp = BOARD, message = BOARD_MESSAGE) String board,
            @PathParam("userId") UUID userId, @QueryParam("period") @DefaultValue("all-time") Period period,
            @QueryParam("radius") @DefaultValue("5") @Min(value = 0, message = "must be a whole number from 0 to 50")
            @Max(value = 50, message = "must be a whole number from 0 to 50") Integer radius) {
        return leaderboard.around(board, period, userId.toString(), radius);
    }
}
