package shop.kit.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Bodies over {@code quarkus.http.limits.max-body-size} are 413 problem+json, declared or not.
 * Vert.x and Quarkus REST refuse them too, but with an empty body, and no exception mapper ever
 * sees a request that is never read:
 * <ul>
 * <li>a body whose {@code Content-Length} is over the limit is refused before a byte is read;</li>
 * <li>a JSON body without a declared length (chunked) is read here, counted as it comes, and
 * refused at the limit; it would be read whole anyway, and Quarkus REST takes it from here.</li>
 * </ul>
 * Other bodies without a length (an image streaming to media-service) are left to the service,
 * which counts them as they stream.
 */
@ApplicationScoped
public class BodyLimit {

    void refuseTooLarge(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        Problem tooLarge = Problem.tooLarge("the body is larger than " + max + " bytes");
        BodyHandler countedJson = BodyHandler.create(false).setBodyLimit(max);
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            HttpServerRequest request = context.request();
            String length = request.getHeader("Content-Length");
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
                refuse(context, tooLarge);
            } else if (length == null && isJson(request.getHeader("Content-Type")) && hasBody(request)) {
                countedJson.handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, tooLarge);
            } else {
                context.next();
            }
        });
    }

    private static void refuse(RoutingContext context, Problem tooLarge) {
        ProblemDocument body = ProblemDocument.of(tooLarge, context.request().path(),
                ProblemMapper.requestId(context.request()));
        context.response().setStatusCode(413)
                .putHeader("Content-Type", ProblemDocument.MEDIA_TYPE)
                .putHeader(ProblemMapper.REQUEST_ID, body.requestId())
                .putHeader("Connection", "close")
                .end(Json.encode(body));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase();
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static boolean hasBody(HttpServerRequest request) {
        return request.getHeader("Transfer-Encoding") != null || request.version().name().startsWith("HTTP_2");
    }
}
