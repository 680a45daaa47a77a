package shop.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request answered with an error: thrown by a service's rules, turned into
 * {@code application/problem+json} by {@link ProblemMapper}, the only place that writes error
 * bodies. A resource never builds one by hand.
 */
public class Problem extends RuntimeException {

    /** Seconds a client should wait before it retries an unavailable store. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    protected Problem(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        // no stack trace: a problem is an answer, not a failure to debug
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, List.of(), Map.of());
    }

    /** 400 naming one field. */
    public static Problem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 400 naming each field; the detail sums them up. */
    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return new Problem(ProblemType.INVALID_INPUT, detail.isEmpty() ? "the request is invalid" : detail, errors,
                Map.of());
    }

    public static Problem notSignedIn(String detail) {
        return new Problem(ProblemType.NOT_SIGNED_IN, detail, List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static Problem forbidden(String detail) {
        return of(ProblemType.FORBIDDEN, detail);
    }

    public static Problem notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static Problem conflict(String detail) {
        return of(ProblemType.CONFLICT, detail);
    }

    public static Problem stale(String detail) {
        return of(ProblemType.STALE_VERSION, detail);
    }

    public static Problem tooLarge(String detail) {
        return of(ProblemType.TOO_LARGE, detail);
    }

    public static Problem unsupportedMediaType(String detail) {
        return of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    public static Problem rangeNotSatisfiable(String detail) {
        return of(ProblemType.RANGE_NOT_SATISFIABLE, detail);
    }

    /** 422: a valid request the domain refuses. */
    public static Problem refused(String detail) {
        return of(ProblemType.REFUSED, detail);
    }

    /** 503 with {@code Retry-After}: a store or another service does not answer. */
    public static Problem unavailable(String detail) {
        return new Problem(ProblemType.UNAVAILABLE, detail, List.of(), Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }

    /** The same problem with one more response header. */
    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, getMessage(), errors, more);
    }

    /** The same problem naming the fields it is about (a 422 naming the value the domain refused). */
    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, getMessage(), fieldErrors, headers);
    }

    /** The same problem with another detail (the field errors stay). */
    public Problem withDetail(String detail) {
        return new Problem(type, detail, errors, headers);
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Headers the answer carries ({@code Retry-After}, {@code WWW-Authenticate}, ...). */
    public Map<String, String> headers() {
        return headers;
    }
}
