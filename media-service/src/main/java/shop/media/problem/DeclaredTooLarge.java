package shop.media.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.Json;
import shop.media.MediaConfig;

/**
 * A body whose declared {@code Content-Length} is over the image limit is refused before a byte
 * of it is read, as 413 problem+json. Bodies without a length (chunked) are counted while they
 * stream ({@code ImageSpool}). No JAX-RS exception mapper ever sees a request that is never read,
 * so this one answer is built here.
 */
@ApplicationScoped
public class DeclaredTooLarge {

    void install(@Observes Router router, MediaConfig media) {
        long max = media.maxSize().asLongValue();
        String body = Json.encode(ProblemMapper.json(413, "Payload too large",
                "the image is larger than " + max + " bytes", java.util.List.of()));
        router.route().order(Integer.MIN_VALUE).handler(request -> {
            String length = request.request().getHeader("Content-Length");
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
                request.response().setStatusCode(413)
                        .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                        .putHeader("Connection", "close")
                        .end(body);
                return;
            }
            request.next();
        });
    }
}
