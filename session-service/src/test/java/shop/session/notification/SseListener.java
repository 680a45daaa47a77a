package shop.session.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream in the background and keeps the {@code data:} of each event. */
final class SseListener implements AutoCloseable {

    private final List<String> data = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private SseListener(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    static SseListener open(String url, String userId, String roles) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("X-User-Id", userId)
                .header("X-User-Roles", roles)
                .GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        SseListener listener = new SseListener(response);
        response.thenAcceptAsync(r -> r.body().forEach(line -> {
            if (line.startsWith("data:")) {
                listener.data.add(line.substring("data:".length()).strip());
            }
        }));
        return listener;
    }

    List<String> data() {
        return data;
    }

    int status() throws Exception {
        return response.get().statusCode();
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
