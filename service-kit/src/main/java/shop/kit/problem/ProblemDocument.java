package shop.kit.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error (RFC 9457): {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance} (the path asked for), {@code requestId} (the gateway's {@code X-Request-Id}, or
 * one made up when a service is called straight), {@code errors} for invalid input only, and
 * {@code answeredBy}: the service that answered, or {@code gateway} for the gateway's own decisions,
 * so a client and an operator know where to look.
 */
@Schema(name = "Problem", description = "An error, as application/problem+json (RFC 9457)")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDocument(
        @Schema(description = "https://polyglot-shop.dev/problems/<kind>: one URI per kind of problem", required = true,
                examples = "https://polyglot-shop.dev/problems/invalid-input")
        URI type,
        @Schema(required = true, description = "The same for every problem of a kind", examples = "Invalid input") String title,
        @Schema(required = true, description = "The HTTP status", examples = "400") int status,
        @Schema(description = "What went wrong with this request, for a person", examples = "quantity must be greater than 0")
        String detail,
        @Schema(description = "The path that was asked for", examples = "/api/orders") String instance,
        @Schema(description = "The request's X-Request-Id, as the logs record it", examples = "6f1c0e2a9b7d4c3e8a5f1b2c3d4e5f60")
        String requestId,
        @Schema(description = "Each invalid field, for invalid-input") List<FieldError> errors,
        @Schema(description = "Who answered: the service, or the gateway for its own decisions", examples = "catalog-service")
        String answeredBy) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** This service's name, as every problem it answers says (quarkus.application.name). */
    private static final String SERVICE = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.name", String.class).orElse("unknown");

    public static ProblemDocument of(Problem problem, String instance, String requestId) {
        return new ProblemDocument(problem.type().uri(), problem.type().title(), problem.status(),
                problem.getMessage(), instance, requestId, problem.errors(), SERVICE);
    }
}
