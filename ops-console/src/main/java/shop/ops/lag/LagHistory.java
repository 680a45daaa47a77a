package shop.ops.lag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import shop.ops.OpsConfig;
import shop.ops.Upstream;

/**
 * Each view's current lag over the last minutes, from Prometheus ({@code projection_lag_current_seconds},
 * which service-kit's ViewProgress exports): the history the console itself does not keep. Without
 * Prometheus the answer says so, and the page charts what it has seen since it was opened.
 */
@ApplicationScoped
public class LagHistory {

    /** Points {@code [epochSeconds, lagSeconds]} per view; {@code source} is prometheus or none, {@code reason} why none. */
    public record History(String source, int minutes, Map<String, List<double[]>> views, String reason) {
    }

    static final String QUERY = "max by (view) (projection_lag_current_seconds)";

    private final OpsConfig config;
    private final Upstream upstream;

    LagHistory(OpsConfig config, Upstream upstream) {
        this.config = config;
        this.upstream = upstream;
    }

    public History read(int minutes) {
        if (config.prometheusUrl().isEmpty()) {
            return new History("none", minutes, Map.of(), "no Prometheus configured (ops.prometheus-url)");
        }
        Instant end = Instant.now();
        Instant start = end.minus(Duration.ofMinutes(minutes));
        // about 90 points whatever the span: enough for a small chart, cheap for Prometheus
        long step = Math.max(2, minutes * 60L / 90);
        String path = "/api/v1/query_range?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8) + "&start="
                + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + step;
        Upstream.Answer answer = upstream.get(config.prometheusUrl().get(), path).join();
        if (!answer.ok() || !"success".equals(answer.body().path("status").asText())) {
            return new History("none", minutes, Map.of(), "Prometheus: " + answer.reason());
        }
        Map<String, List<double[]>> views = new TreeMap<>();
        for (JsonNode series : answer.body().path("data").path("result")) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode value : series.path("values")) {
                double seconds = Double.parseDouble(value.get(1).asText());
                if (Double.isFinite(seconds)) {
                    points.add(new double[] {value.get(0).asDouble(), seconds});
                }
            }
            views.put(series.path("metric").path("view").asText("?"), points);
        }
        return new History("prometheus", minutes, views, null);
    }
}
