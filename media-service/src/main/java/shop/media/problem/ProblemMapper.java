package shop.media.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import shop.media.MediaConfig;
import shop.media.problem.Problem.FieldError;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that writes error bodies: every error leaves as {@code application/problem+json}
 * {@code {type, title, status, detail, errors?}} (RFC 9457), never with a stack trace. Input
 * errors are 400 with {@code errors: [{field, message}]}; S3 failing or unreachable is 503.
 * Written here rather than by quarkus-resteasy-problem: on Quarkus REST that extension writes no
 * {@code type}, {@code violations: [{field, in, message}]} instead of {@code errors}, 404 for a
 * parameter that does not convert and an empty 400 for a body of the wrong shape.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        Response response = body(problem.status(), problem.title(), problem.getMessage(), problem.errors());
        // every 503 says when to come back
        return problem.status() == 503 ? Response.fromResponse(response).header("Retry-After", "5").build() : response;
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

    /** S3 unreachable, or answering with an error media-service did not expect: the store is the problem. */
    @ServerExceptionMapper
    public Response storage(SdkException failure) {
        LOG.warnf("S3 failed: %s", failure.getMessage());
        return Response.fromResponse(body(503, "Service unavailable", "image storage is unavailable; retry shortly",
                List.of())).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (status == 404 && failure.getCause() != null) {
            // JAX-RS answers 404 when a path parameter does not convert (a product id that is no UUID)
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
     * A body whose declared {@code Content-Length} is over the image limit is refused before a byte
     * of it is read, as 413 problem+json (bodies without a length are counted while they stream, in
     * {@code ImageSpool}): no exception mapper ever sees a request that is never read.
     */
    void refuseDeclaredTooLarge(@Observes Router router, MediaConfig media) {
        long max = media.maxSize().asLongValue();
        String tooLarge = Json.encode(json(413, "Payload too large", "the image is larger than " + max + " bytes", List.of()));
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

    /** {@code contentType} for a body field, the parameter name for a path or query parameter. */
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
}
