package shop.leaderboard.problem;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * The one place that writes {@code application/problem+json}. Resources never build error
 * bodies; nothing here ever puts a stack trace in a body. Written here rather than by
 * quarkus-resteasy-problem: on Quarkus REST that extension writes no {@code type} and
 * {@code violations: [{field, in, message}]} instead of {@code errors}.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://shop.local/problems/";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e) {
        return problem(400, "invalid-input", "Invalid input", "the request is malformed or has invalid fields",
                e.errors());
    }

    @ServerExceptionMapper
    public Response refused(Refused e) {
        return problem(422, "refused", "Refused", e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e) {
        return problem(413, "too-large", "Request too large", e.getMessage(),
                List.of(new FieldError("body", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return problem(404, "not-found", "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notSignedIn(NotSignedIn e) {
        return problem(401, "not-signed-in", "Not signed in", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermitted e) {
        return problem(403, "not-permitted", "Not permitted", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailable e) {
        LOG.warnf("Redis unavailable: %s", String.valueOf(e.getCause()));
        return problem(503, "store-unavailable", "Service unavailable", e.getMessage(), null);
    }

    /** Framework answers (unknown path 404, 405, 415, ...) get the same body shape. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(status, "http-" + status, title, title, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return problem(500, "internal", "Internal error", "an unexpected error occurred", null);
    }

    /**
     * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
     * read, as 413 problem+json: Vert.x refuses it too, but with an empty body and before any
     * mapper could see it (found by deploy/faults: a 2 MiB score came back 413 with no body).
     * Bodies under that limit but over what a score needs are {@link TooLarge}, mapped as usual.
     */
    void refuseDeclaredTooLarge(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        String tooLarge = serialize(new Problem(TYPE_BASE + "too-large", "Request too large", 413,
                "the body is larger than " + max + " bytes", List.of(new FieldError("body", "larger than " + max + " bytes"))));
        router.route().order(Integer.MIN_VALUE).handler(request -> {
            String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
                request.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                        .putHeader("Connection", "close").end(tooLarge);
            } else {
                request.next();
            }
        });
    }

    private Response problem(int status, String slug, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(serialize(new Problem(TYPE_BASE + slug, title, status, detail, errors)))
                .build();
    }

    // serialized here so the body never depends on a writer being registered for problem+json
    private String serialize(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
    }
}
