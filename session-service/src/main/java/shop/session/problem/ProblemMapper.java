package shop.session.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * The service's one exception mapper: every failure leaves as {@code application/problem+json}
 * (RFC 9457), never with a stack trace. Domain exceptions carry their status; Bean Validation and
 * Jackson failures become 400 naming the field; a Redis that does not answer is 503, so a caller
 * never mistakes "could not check" for an answer (sessions never fail open).
 * Written here rather than by quarkus-resteasy-problem: on Quarkus REST that extension writes no
 * {@code type}, {@code violations: [{field, in, message}]} instead of {@code errors}, 404 for a
 * parameter that does not convert and an empty 400 for a body of the wrong shape.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Parameters holding a request body: their fields are named without the parameter's name. */
    private static final String BODY = "body";

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return respond(Problem.of(404, "not-found", "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notSignedIn(NotSignedIn e) {
        return Response.fromResponse(respond(Problem.of(401, "not-signed-in", "Not signed in", e.getMessage())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermitted e) {
        return respond(Problem.of(403, "not-permitted", "Not permitted", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e) {
        return respond(Problem.invalid(e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return respond(Problem.invalid(summary(errors), errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(jsonProblem(e));
    }

    /** Named on its own: Quarkus has a built-in mapper for exactly this type, which would win otherwise. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        Response problem = respond(Problem.of(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage()));
        // keep what the framework said about the request (Allow on 405, ...)
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.type(Problem.MEDIA_TYPE).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (storeUnreachable(e)) {
            LOG.warnf("Redis unreachable or saturated: %s", e.toString());
            return Response.fromResponse(respond(Problem.of(503, "store-unavailable", "Service unavailable",
                    "Redis does not answer; try again shortly"))).header(HttpHeaders.RETRY_AFTER, 1).build();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "internal-error", "Internal error", "An unexpected error occurred"));
    }

    /**
     * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
     * read, as 413 problem+json: Vert.x would refuse it too, but with an empty body and before any
     * exception mapper could see it.
     */
    void refuseDeclaredTooLarge(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        String tooLarge = Json.encode(Problem.of(413, "too-large", "Payload too large",
                "the body is larger than " + max + " bytes"));
        router.route().order(Integer.MIN_VALUE).handler(request -> {
            String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
                request.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(tooLarge);
            } else {
                request.next();
            }
        });
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            List<FieldError> errors = List.of(new FieldError(field, "has the wrong type or format"));
            return Problem.invalid(summary(errors), errors);
        }
        JsonParser parser = e instanceof InputCoercionException coercion ? coercion.getProcessor() : null;
        if (parser != null && parser.getParsingContext() != null && parser.getParsingContext().getCurrentName() != null) {
            List<FieldError> errors = List.of(new FieldError(parser.getParsingContext().getCurrentName(),
                    "is out of range"));
            return Problem.invalid(summary(errors), errors);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        List<FieldError> errors = List.of(new FieldError(BODY, "is not well-formed JSON" + where));
        return Problem.invalid(summary(errors), errors);
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? BODY : field.toString();
    }

    /** {@code create.body.roles[0].<list element>} → {@code roles[0]}; {@code consume.limit} → {@code limit}. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(at == null ? "" : at).append(']');
            }
            String name = node.getName();
            boolean bodyParameter = node.getKind() == ElementKind.PARAMETER && BODY.equals(name);
            if (name != null && !name.startsWith("<") && !bodyParameter) {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.length() == 0 ? BODY : field.toString();
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            detail.append(detail.length() == 0 ? "" : "; ").append(error.field()).append(' ').append(error.message());
        }
        return detail.toString();
    }

    private static boolean storeUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketException
                    || cause instanceof ClosedChannelException || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException
                    // every pooled Redis connection busy and the wait queue full: overload, not a bug
                    || cause instanceof ConnectionPoolTooBusyException
                    || (cause instanceof IOException && cause.getClass().getName().startsWith("io.netty"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
