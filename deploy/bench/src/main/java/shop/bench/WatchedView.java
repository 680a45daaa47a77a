package shop.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A derived view as the {@code pipeline} scenario watches it: the meters of each of its instances
 * (the stack's and any replica named with {@code --also-search} / {@code --also-feed}), read from
 * {@code /q/metrics} and summed, and its status ({@code recordsBehind}: the consumer group's backlog,
 * one figure for every instance of the group, so asked of the stack's instance only).
 */
final class WatchedView {

    private static final String ADMIN = UUID.randomUUID().toString();

    final String name;
    private final String statusPath;
    private final List<Http> instances;

    WatchedView(String name, String statusPath, List<Http> instances) {
        this.name = name;
        this.statusPath = statusPath;
        this.instances = List.copyOf(instances);
    }

    int instanceCount() {
        return instances.size();
    }

    String describe() {
        return instances.stream().map(Http::base).collect(Collectors.joining(", "));
    }

    /** Every instance's meters, summed onto the stack's; fails naming the instance that did not answer. */
    ViewReading read() throws InterruptedException {
        ViewReading sum = read(instances.get(0));
        for (Http instance : instances.subList(1, instances.size())) {
            sum = sum.plus(read(instance));
        }
        return sum;
    }

    /** Stops the run at once when an instance has no such view (a wrong port in --also-*). */
    void requireMeters() throws InterruptedException {
        for (Http instance : instances) {
            String page = metrics(instance);
            if (!page.contains(LagHistogram.BUCKET + "{") || !page.contains("view=\"" + name + "\"")) {
                throw new IllegalStateException(instance.base() + "/q/metrics has no " + LagHistogram.BUCKET
                        + " of the " + name + " view: not a " + name + "-service instance?");
            }
        }
    }

    /** The consumer group's backlog as the view last read it from Kafka; null when it does not know. */
    Long recordsBehind() throws InterruptedException {
        Http main = instances.get(0);
        try {
            HttpResponse<String> status = main.send(main.request(statusPath).header("X-User-Id", ADMIN)
                    .header("X-User-Roles", "admin").GET(), HttpResponse.BodyHandlers.ofString());
            if (status.statusCode() != 200) {
                return null;
            }
            return JsonBody.of(status.body()).number("recordsBehind");
        } catch (IOException | IllegalStateException e) { // unknown now (Kafka slow to answer): asked again later
            return null;
        }
    }

    private ViewReading read(Http instance) throws InterruptedException {
        return ViewReading.of(PrometheusText.parse(metrics(instance)), name);
    }

    private static String metrics(Http instance) throws InterruptedException {
        try {
            HttpResponse<String> page = instance.get("/q/metrics");
            if (page.statusCode() != 200) {
                throw new IllegalStateException(instance.base() + "/q/metrics answered " + page.statusCode());
            }
            return page.body();
        } catch (IOException e) {
            throw new IllegalStateException(instance.base() + "/q/metrics does not answer (" + e
                    + "): is that instance running?", e);
        }
    }
}
