package shop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Service-level calls: one shared JDK HttpClient, HTTP/1.1 with keep-alive, to 127.0.0.1 only. */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String base;

    public Http(int port) {
        this.base = "http://" + Args.HOST + ":" + port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET and report only the status: the body is read and dropped. */
    public int status(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A request to {@code path} with the harness's timeout, for methods and headers the helpers above lack. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return client.send(request.build(), body);
    }

    /** POST a JSON body, as the gateway passes a request on for {@code userId} with {@code roles} (none when null). */
    public HttpResponse<String> postJson(String path, String body, String userId, String roles)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (userId != null) {
            request.header("X-User-Id", userId).header("X-User-Roles", roles);
        }
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public String base() {
        return base;
    }
}
