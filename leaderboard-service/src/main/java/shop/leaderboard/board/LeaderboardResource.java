package shop.leaderboard.board;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import shop.leaderboard.access.WriteAccess;

/**
 * REST: check who asks, parse and validate, then one call into {@link Leaderboard}. Methods
 * return {@link Uni}, so they run on the event loop; nothing here blocks.
 */
@Path("/api/leaderboards/{board}")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    private final Leaderboard leaderboard;
    private final WriteAccess access;

    public LeaderboardResource(Leaderboard leaderboard, WriteAccess access) {
        this.leaderboard = leaderboard;
        this.access = access;
    }

    /** Sets the score; answers {@code {userId, score, rank}}. Admin only. */
    @PUT
    @Path("/scores/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Entry> setScore(@PathParam("board") String board, @PathParam("userId") String userId,
            @QueryParam("period") String period, @HeaderParam(WriteAccess.USER_HEADER) String caller,
            @HeaderParam(WriteAccess.ROLES_HEADER) String roles, String body) {
        access.requireAdmin(caller, roles);
        Input in = new Input();
        Target target = new Target(in.board(board), in.period(period), in.userId(userId));
        long score = in.wholeNumber(body, "score");
        in.orThrow();
        return leaderboard.setScore(target.board(), target.period(), target.userId(), score);
    }

    /** Adds {@code delta} atomically; answers {@code {userId, score, rank}}. Admin only. */
    @POST
    @Path("/scores/{userId}/increment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Entry> increment(@PathParam("board") String board, @PathParam("userId") String userId,
            @QueryParam("period") String period, @HeaderParam(WriteAccess.USER_HEADER) String caller,
            @HeaderParam(WriteAccess.ROLES_HEADER) String roles, String body) {
        access.requireAdmin(caller, roles);
        Input in = new Input();
        Target target = new Target(in.board(board), in.period(period), in.userId(userId));
        long delta = in.wholeNumber(body, "delta");
        in.orThrow();
        return leaderboard.increment(target.board(), target.period(), target.userId(), delta);
    }

    @GET
    @Path("/top")
    public Uni<List<Entry>> top(@PathParam("board") String board, @QueryParam("period") String period,
            @QueryParam("count") String count) {
        Input in = new Input();
        String name = in.board(board);
        Period p = in.period(period);
        int n = in.count(count);
        in.orThrow();
        return leaderboard.top(name, p, n);
    }

    @GET
    @Path("/users/{userId}")
    public Uni<Entry> rankOf(@PathParam("board") String board, @PathParam("userId") String userId,
            @QueryParam("period") String period) {
        Input in = new Input();
        Target target = new Target(in.board(board), in.period(period), in.userId(userId));
        in.orThrow();
        return leaderboard.rankOf(target.board(), target.period(), target.userId());
    }

    @GET
    @Path("/users/{userId}/around")
    public Uni<List<Entry>> around(@PathParam("board") String board, @PathParam("userId") String userId,
            @QueryParam("period") String period, @QueryParam("radius") String radius) {
        Input in = new Input();
        Target target = new Target(in.board(board), in.period(period), in.userId(userId));
        int r = in.radius(radius);
        in.orThrow();
        return leaderboard.around(target.board(), target.period(), target.userId(), r);
    }

    private record Target(String board, Period period, String userId) {
    }
}
