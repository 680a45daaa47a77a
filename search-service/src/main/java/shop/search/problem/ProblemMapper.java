package shop.search.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import shop.search.index.IndexUnavailable;
import shop.search.problem.Problem.FieldError;

/**
 * The one exception mapper: every error leaves as {@code application/problem+json}
 * {@code {type, title, status, detail, errors?}} (RFC 9457), never with a stack trace.
 * Elasticsearch out of reach is 503: the view is missing, not the request wrong.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        return body(problem.status(), problem.title(), problem.getMessage(), problem.errors());
    }

    @ServerExceptionMapper
    public Response indexUnavailable(IndexUnavailable unavailable) {
        LOG.warnf("search index unavailable: %s", unavailable.getMessage());
        return Response.fromResponse(body(503, "Service unavailable", "the search index cannot be reached; retry shortly",
                List.of())).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (status == 404 && failure.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert
            return body(400, "Invalid input", "a parameter has the wrong type or format", List.of());
        }
        if (status >= 500) {
            return unexpected(failure);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return body(status, title, title.toLowerCase(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure) {
        LOG.error("unexpected failure", failure);
        return body(500, "Internal error", "something went wrong on our side", List.of());
    }

    static Response body(int status, String title, String detail, List<FieldError> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }
}
