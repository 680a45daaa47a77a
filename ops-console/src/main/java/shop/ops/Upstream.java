package shop.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * GETs to the suite's services and servers, all at once and each bounded by {@code ops.timeout}:
 * a page that asks every two seconds must never wait on the one thing that is down.
 */
@ApplicationScoped
public class Upstream {

    /** What a GET answered: the status and the body as JSON (missing when not JSON), or why there is none. */
    public record Answer(int status, JsonNode body, String text, String error) {

        public boolean ok() {
            return error == null && status >= 200 && status < 300;
        }

        /** A line for the page: the status, or what went wrong. */
        public String reason() {
            return error != null ? error : "HTTP " + status;
        }
    }

    private final HttpClient client;
    private final OpsConfig config;
    private final ObjectMapper json;

    Upstream(OpsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .build();
    }

    public CompletableFuture<Answer> get(URI base, String path) {
        HttpRequest request = HttpRequest.newBuilder(at(base, path)).timeout(config.timeout())
                .header("Accept", "application/json").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                return new Answer(0, MissingNode.getInstance(), "", describe(cause));
            }
            return new Answer(response.statusCode(), parse(response.body()), response.body(), null);
        });
    }

    /** {@code path} below {@code base}, whatever slashes either has (URI.resolve drops a base's path). */
    private static URI at(URI base, String path) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + "/" + path.replaceAll("^/+", ""));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : json.readTree(body);
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    private static String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "no answer in time";
        }
        if (name.contains("Connect")) {
            return "refused";
        }
        return cause.getMessage() == null ? name : cause.getMessage();
    }
}
