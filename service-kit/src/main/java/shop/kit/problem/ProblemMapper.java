package shop.kit.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import shop.kit.store.Unreachable;

/**
 * The one place that writes error bodies, for every service: whatever fails leaves as
 * {@code application/problem+json} in one shape ({@link ProblemDocument}) with one {@code type}
 * scheme ({@link ProblemType}), never with a stack trace. Malformed JSON, wrong types and bad path
 * or query parameters are 400 (never 404), naming the field where it is known; a store that does
 * not answer is 503 with {@code Retry-After}; anything unexpected is 500, logged once with the
 * request id. Written here rather than by quarkus-resteasy-problem, which has no release for this
 * Quarkus that resolves, writes no {@code type}, and answers 404 for unconvertible parameters.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    public static final String REQUEST_ID = "X-Request-Id";
    /** The details of the problems this mapper answers by itself (the API documents show them too). */
    public static final String SIGN_IN_FIRST = "sign in first";
    public static final String ROLE_MAY_NOT = "your role may not do this";
    public static final String NO_SUCH_RESOURCE = "no such resource";
    public static final String STORE_DOES_NOT_ANSWER = "a store or service does not answer right now; retry shortly";
    /** A request id is echoed only when it is a plain token, never whatever a client sent. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Instance<StoreErrors> storeErrors;

    public ProblemMapper(Instance<StoreErrors> storeErrors) {
        this.storeErrors = storeErrors;
    }

    @ServerExceptionMapper
    public Response problem(Problem problem, HttpServerRequest request) {
        return respond(problem, request);
    }

    /** Bean Validation of parameters and bodies: 400 naming each field. */
    @ServerExceptionMapper
    public Response violations(ConstraintViolationException violations, HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return respond(Problem.invalid(errors), request);
    }

    /** Named on its own: Quarkus REST has a mapper for exactly this type (an empty 400), and the closest type wins. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException mismatched, HttpServerRequest request) {
        return respond(unreadable(mismatched), request);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException malformed, HttpServerRequest request) {
        return respond(unreadable(malformed), request);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response notSignedIn(RuntimeException unauthorized, HttpServerRequest request) {
        return respond(Problem.notSignedIn(SIGN_IN_FIRST), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException forbidden, HttpServerRequest request) {
        return respond(Problem.forbidden(ROLE_MAY_NOT), request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException failure, HttpServerRequest request) {
        if (failure.getCause() instanceof JsonProcessingException json) {
            return respond(unreadable(json), request);
        }
        if (failure.getCause() instanceof Problem parameter) {
            // a parameter that did not convert (ParameterConverters), wrapped by JAX-RS
            return respond(parameter, request);
        }
        int status = failure.getResponse().getStatus();
        if (status == 404 && failure.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert (a bad UUID, days=abc)
            return respond(Problem.invalid(List.of()).withDetail("a path or query parameter has the wrong type or format"),
                    request);
        }
        if (status >= 500) {
            return unexpected(failure, request);
        }
        ProblemType type = ProblemType.ofStatus(status);
        Response.ResponseBuilder answer = Response.fromResponse(respond(
                Problem.of(type, type == ProblemType.NOT_FOUND ? NO_SUCH_RESOURCE : type.title().toLowerCase()),
                request));
        // keep what the framework said about the request (Allow on a 405, ...)
        failure.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.type(ProblemDocument.MEDIA_TYPE).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, HttpServerRequest request) {
        for (StoreErrors errors : storeErrors) {
            var known = errors.problemFor(failure);
            if (known.isPresent()) {
                if (known.get().status() >= 500) {
                    LOG.warnf("%s %s (request %s): %s", request.method(), request.path(), requestId(request),
                            failure.toString());
                }
                return respond(known.get(), request);
            }
        }
        if (Unreachable.unanswered(failure)) {
            LOG.warnf("%s %s (request %s): a store or service does not answer: %s", request.method(), request.path(),
                    requestId(request), failure.toString());
            return respond(Problem.unavailable(STORE_DOES_NOT_ANSWER), request);
        }
        LOG.errorf(failure, "%s %s (request %s) failed unexpectedly", request.method(), request.path(),
                requestId(request));
        return respond(Problem.of(ProblemType.INTERNAL_ERROR, "something went wrong on our side; request "
                + requestId(request) + " is logged"), request);
    }

    /** The answer for a problem: its status, headers and document. */
    public static Response respond(Problem problem, HttpServerRequest request) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(ProblemDocument.MEDIA_TYPE)
                .entity(ProblemDocument.of(problem, request.path(), requestId(request)));
        problem.headers().forEach(answer::header);
        // echoed, so a client calling a service straight has the id its log line names
        return answer.header(REQUEST_ID, requestId(request)).build();
    }

    /**
     * The gateway's {@code X-Request-Id}; a service called straight gets one made up, once per
     * request (kept on the request), so the log line and the answer name the same id.
     */
    public static String requestId(HttpServerRequest request) {
        String sent = request.getHeader(REQUEST_ID);
        if (sent != null && SAFE_ID.matcher(sent).matches()) {
            return sent;
        }
        String made = UUID.randomUUID().toString();
        request.headers().set(REQUEST_ID, made);
        return made;
    }

    /** A body that is not JSON, or JSON of the wrong shape: 400 naming the field where Jackson knows it. */
    static Problem unreadable(JsonProcessingException failure) {
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problem.invalid(jsonPath(mapping.getPath()), "has the wrong type or format");
        }
        JsonParser parser = failure instanceof InputCoercionException coercion ? coercion.getProcessor() : null;
        if (parser != null && parser.getParsingContext() != null && parser.getParsingContext().getCurrentName() != null) {
            return Problem.invalid(parser.getParsingContext().getCurrentName(), "is out of range");
        }
        if (failure instanceof MismatchedInputException) {
            return Problem.invalid("body", "has the wrong shape");
        }
        JsonLocation at = failure.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problem.invalid("body", "is not well-formed JSON" + where);
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /**
     * The field a violation names, as a client sees it: {@code items[0].quantity} for a body's
     * field (without the method and the body parameter), {@code days} for a query parameter,
     * {@code roles[0]} for an element of a list.
     */
    static String field(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR
                    && node.getKind() != ElementKind.RETURN_VALUE && node.getKind() != ElementKind.CROSS_PARAMETER) {
                nodes.add(node);
            }
        }
        // a parameter followed by more nodes is a body: its fields are named without it
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(at == null ? "" : at).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
