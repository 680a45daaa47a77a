package shop.leaderboard.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
 * read, as 413 problem+json. Vert.x refuses it too, but with an empty body and before any JAX-RS
 * mapper could see it (found by deploy/faults: a 2 MiB score came back 413 with no body). Bodies
 * under that limit but over what a score needs are {@link TooLarge}, mapped as usual.
 */
@ApplicationScoped
public class DeclaredTooLarge {

    private static final String BODY = "{\"type\":\"" + ProblemMapper.TYPE_BASE + "too-large\",\"title\":"
            + "\"Request too large\",\"status\":413,\"detail\":\"the body is larger than %d bytes\","
            + "\"errors\":[{\"field\":\"body\",\"message\":\"larger than %d bytes\"}]}";

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(request -> {
            String length = request.request().getHeader("Content-Length");
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
                request.response().setStatusCode(413)
                        .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                        .putHeader("Connection", "close")
                        .end(String.format(BODY, max, max));
                return;
            }
            request.next();
        });
    }
}
