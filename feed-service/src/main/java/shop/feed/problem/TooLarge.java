package shop.feed.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
 * read, as 413 problem+json. Vert.x would refuse it too, but with an empty body; this runs first
 * because no JAX-RS exception mapper ever sees a request that is never read.
 */
@ApplicationScoped
public class TooLarge {

    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
            + "\"detail\":\"the body is larger than %d bytes\"}";

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(request -> {
            String length = request.request().getHeader("Content-Length");
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
                request.response().setStatusCode(413)
                        .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                        .putHeader("Connection", "close")
                        .end(String.format(BODY, max));
                return;
            }
            request.next();
        });
    }
}
