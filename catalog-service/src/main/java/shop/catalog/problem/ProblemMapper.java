package shop.catalog.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import shop.catalog.problem.Problem.FieldError;

/**
 * The one place that writes error bodies: every error leaves as {@code application/problem+json}
 * {@code {type, title, status, detail, errors?}} (RFC 9457), never with a stack trace.
 * Input errors are 400 with {@code errors: [{field, message}]}; a database constraint that
 * catches what a service check raced past becomes the status the check would have given.
 * Written here rather than by quarkus-resteasy-problem: on Quarkus REST that extension writes no
 * {@code type}, {@code violations: [{field, in, message}]} instead of {@code errors}, 404 for a
 * parameter that does not convert and an empty 400 for a body of the wrong shape.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        return body(problem.status(), problem.title(), problem.getMessage(), problem.errors());
    }

    /** Bean Validation of a resource's parameters and bodies (Quarkus's own mapper only takes the wider ValidationException). */
    @ServerExceptionMapper
    public Response violations(ConstraintViolationException violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return body(400, "Invalid input", "the request is invalid", errors);
    }

    // Quarkus REST maps MismatchedInputException itself (400, empty body) and the closest type wins
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException mismatched) {
        return unreadable(mismatched);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException unreadable) {
        String field = unreadable instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String message = unreadable instanceof JsonMappingException ? "has the wrong type or format" : "is not valid JSON";
        return body(400, "Invalid input", "the body could not be read",
                List.of(new FieldError(field.isEmpty() ? "body" : field, message)));
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException stale) {
        return body(412, "Precondition failed", "changed meanwhile; read it again", List.of());
    }

    /** A constraint the database enforces, hit by a request that raced past the service's own check. */
    @ServerExceptionMapper
    public Response database(PersistenceException failure) {
        String state = sqlState(failure);
        if ("23505".equals(state)) {
            return body(409, "Conflict", "it exists already", List.of());
        }
        if ("23503".equals(state)) {
            return body(422, "Unprocessable request", "it refers to something that does not exist", List.of());
        }
        if ("23514".equals(state) || "22001".equals(state) || "22003".equals(state)) {
            return body(400, "Invalid input", "a value is out of range", List.of());
        }
        if (isPoolExhausted(failure)) {
            return Response.fromResponse(body(503, "Service unavailable", "too busy right now; retry shortly", List.of()))
                    .header(HttpHeaders.RETRY_AFTER, "1").build();
        }
        // Hibernate's StaleStateException is a PersistenceException too, alone or as a cause
        if (failure instanceof StaleStateException || failure.getCause() instanceof StaleStateException) {
            return stale(null);
        }
        return unexpected(failure);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (status == 404 && failure.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert (days=abc, a bad uuid)
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

    /**
     * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
     * read, as 413 problem+json: Vert.x would refuse it too, but with an empty body and before any
     * exception mapper could see it.
     */
    void refuseDeclaredTooLarge(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        String tooLarge = Json.encode(json(413, "Payload too large", "the body is larger than " + max + " bytes", List.of()));
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

    static Response body(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON).entity(json(status, title, detail, errors)).build();
    }

    private static Map<String, Object> json(int status, String title, String detail, List<FieldError> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return problem;
    }

    /** {@code items[0].quantity} for a body field, the parameter name for a query parameter. */
    private static String field(Path path) {
        int prefix = 0;
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                prefix++;
            } else if (node.getKind() == ElementKind.PARAMETER) {
                prefix++;
                parameter = node.getName();
            }
        }
        // method.parameter.items[0].quantity: neither names hold dots or brackets
        String[] parts = path.toString().split("\\.", prefix + 1);
        if (parts.length > prefix && !parts[prefix].isEmpty()) {
            return parts[prefix];
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean isPoolExhausted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
