package shop.session.ratelimit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import shop.kit.openapi.ApiDocs;

/**
 * For signed-in callers (routes.tsv), checked here as well as at the gateway. A refusal is the
 * contract's 429 {@code {allowed: false, ...}} with {@code Retry-After}: a domain answer, not a problem.
 */
@Path("/api/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
public class RateLimitResource {

    private static final String LIMIT = "must be a whole number from 1 to 1000000";
    private static final String WINDOW = "must be a whole number from 1 to 86400";

    private final RateLimiter limiter;

    public RateLimitResource(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @POST
    @Path("{key}/consume")
    @Authenticated
    @APIResponse(responseCode = "200", description = "Allowed: one more request counted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "429", description = "Not allowed: the limit is reached until resetAt (Retry-After); the gateway's own rate limit answers 429 too, as a Problem", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Decision.class)),
            @Content(mediaType = "application/problem+json", schema = @Schema(ref = ApiDocs.PROBLEM_SCHEMA)) })
    public Uni<Response> consume(
            @PathParam("key") @Pattern(regexp = "[A-Za-z0-9:._@-]{1,200}", message = "must be 1 to 200 of A-Z a-z 0-9 : . _ @ -") String key,
            @QueryParam("limit") @NotNull(message = LIMIT) @Min(value = 1, message = LIMIT)
            @Max(value = 1_000_000, message = LIMIT) Integer limit,
            @QueryParam("windowSeconds") @NotNull(message = WINDOW) @Min(value = 1, message = WINDOW)
            @Max(value = 86_400, message = WINDOW) Integer windowSeconds) {
        return limiter.consume(key, limit, windowSeconds).map(RateLimitResource::answer);
    }

    private static Response answer(Decision decision) {
        if (decision.allowed()) {
            return Response.ok(decision).build();
        }
        return Response.status(429).entity(decision)
                .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds()).build();
    }
}
