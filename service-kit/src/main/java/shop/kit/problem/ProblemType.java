package shop.kit.problem;

import java.net.URI;
import java.util.Arrays;

/**
 * Every kind of problem a client can meet, each with its own {@code type} URI
 * ({@code https://polyglot-shop.dev/problems/<kind>}), status and title. The services and the
 * gateway answer with these and no others; the README lists them with their meaning.
 */
public enum ProblemType {

    INVALID_INPUT(400, "invalid-input", "Invalid input",
            "The request is malformed (not JSON, a wrong type, a bad path or query parameter) or a value is invalid; `errors` names each field."),
    NOT_SIGNED_IN(401, "not-signed-in", "Not signed in",
            "The operation needs a signed-in caller: no bearer token, or one that is unknown, expired or logged out."),
    FORBIDDEN(403, "forbidden", "Forbidden",
            "Signed in, but without the role the operation needs (admin)."),
    NOT_FOUND(404, "not-found", "Not found",
            "No such resource or route; also another user's order, feed or session, whose existence is not disclosed."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed",
            "The path exists, but not with this method (`OPTIONS` on the path lists the methods it has)."),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable",
            "The operation cannot answer in any media type the `Accept` header allows."),
    REQUEST_TIMEOUT(408, "request-timeout", "Request timeout",
            "The gateway did not receive the whole request in time."),
    CONFLICT(409, "conflict", "Conflict",
            "The change conflicts with the current state: a duplicate, not enough stock, something completed already."),
    STALE_VERSION(412, "stale-version", "Precondition failed",
            "`If-Match` names a version that is no longer current: read it again, then retry."),
    TOO_LARGE(413, "too-large", "Payload too large",
            "The body is larger than the operation accepts (declared or counted while it streams)."),
    URI_TOO_LONG(414, "uri-too-long", "URI too long",
            "The request line is longer than the gateway accepts."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type",
            "The body's `Content-Type` (or, for images, its actual bytes) is not one the operation accepts."),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable",
            "The `Range` asked for lies outside the object."),
    REFUSED(422, "refused", "Unprocessable request",
            "A well-formed request the domain refuses: an unknown product or user in an order, a wrong amount, an order no longer pending."),
    RATE_LIMITED(429, "rate-limited", "Too many requests",
            "The client sent more requests than its rate allows; `Retry-After` says when to try again."),
    INTERNAL_ERROR(500, "internal-error", "Internal error",
            "Something failed that should not have; it is logged with the `requestId`, never shown."),
    BAD_GATEWAY(502, "bad-gateway", "Bad gateway",
            "The gateway could not reach the service behind the route (it is down or restarting)."),
    UNAVAILABLE(503, "unavailable", "Service unavailable",
            "A store or another service does not answer right now; `Retry-After` says when to try again."),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway timeout",
            "The service behind the route did not answer the gateway in time.");

    /** The common root of every problem type. */
    public static final String BASE = "https://polyglot-shop.dev/problems/";

    private final int status;
    private final String kind;
    private final String title;
    private final String meaning;

    ProblemType(int status, String kind, String title, String meaning) {
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    /** The last segment of the type URI, e.g. {@code invalid-input}. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** What a client should understand by it (listed in the README). */
    public String meaning() {
        return meaning;
    }

    public URI uri() {
        return URI.create(BASE + kind);
    }

    /**
     * The type for an HTTP status the framework answered with (405 from routing, 406, ...): the
     * first type of that status, or {@link #INTERNAL_ERROR} for a 5xx and {@link #INVALID_INPUT}
     * for a 4xx this list does not name.
     */
    public static ProblemType ofStatus(int status) {
        return Arrays.stream(values()).filter(type -> type.status == status).findFirst()
                .orElse(status >= 500 ? INTERNAL_ERROR : INVALID_INPUT);
    }
}
