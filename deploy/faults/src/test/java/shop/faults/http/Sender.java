package shop.faults.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Sends a {@link Shot} exactly as built: the path is not normalized or re-encoded, the body goes
 * byte for byte, and no header is added but those the JDK client always sends.
 */
public final class Sender {

    // a malformed request must be answered promptly; an SSE stream that opens is cut here
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Set<String> NO_BODY = Set.of("GET", "HEAD");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Answer sendOnNewConnection(Shot shot) {
        return new Sender().send(shot);
    }

    public Answer send(Shot shot) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(shot.baseUri() + shot.pathAndQuery())).timeout(TIMEOUT);
        } catch (IllegalArgumentException notAUri) {
            throw new IllegalStateException("the corpus built an unsendable URI: " + shot.describe(), notAUri);
        }
        HttpRequest.BodyPublisher body = shot.body() == null || NO_BODY.contains(shot.method())
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(shot.body());
        request.method(shot.method(), body);
        shot.headers().forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), null);
        } catch (IOException e) {
            return new Answer(0, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, "interrupted");
        }
    }
}
