package shop.session.ratelimit;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import shop.session.IntegerIn;

/** Internal, for the gateway: open, no identity needed. */
@Path("/api/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
public class RateLimitResource {

    private final RateLimiter limiter;

    public RateLimitResource(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @POST
    @Path("{key}/consume")
    public Response consume(
            @PathParam("key") @Pattern(regexp = "[A-Za-z0-9:._@-]{1,200}", message = "must be 1 to 200 of A-Z a-z 0-9 : . _ @ -") String key,
            @QueryParam("limit") @IntegerIn(min = 1, max = 1_000_000) String limit,
            @QueryParam("windowSeconds") @IntegerIn(min = 1, max = 86_400) String windowSeconds) {
        Decision decision = limiter.consume(key, Long.parseLong(limit.strip()), Long.parseLong(windowSeconds.strip()));
        if (decision.allowed()) {
            return Response.ok(decision).build();
        }
        return Response.status(429).entity(decision)
                .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds()).build();
    }
}
