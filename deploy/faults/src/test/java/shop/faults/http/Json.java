package shop.faults.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Well-formed JSON calls for setting up fixtures and reading stores (not for the corpus). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Json() {
    }

    public static JsonNode post(String uri, Map<String, String> headers, Object body, int expected) {
        return call("POST", uri, headers, body, expected);
    }

    public static JsonNode get(String uri, Map<String, String> headers, int expected) {
        return call("GET", uri, headers, null, expected);
    }

    public static int status(String uri) {
        return exchange("GET", uri, Map.of(), null).statusCode();
    }

    public static JsonNode call(String method, String uri, Map<String, String> headers, Object body, int expected) {
        HttpResponse<String> response = exchange(method, uri, headers, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + uri + ": expected " + expected + ", got "
                    + response.statusCode() + " " + response.body());
        }
        try {
            return response.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> exchange(String method, String uri, Map<String, String> headers, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                                    : MAPPER.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
