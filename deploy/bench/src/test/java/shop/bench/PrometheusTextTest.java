package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsSamplesWithLabelsAndSkipsCommentsTimestampsAndExemplars() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # TYPE projection_lag_seconds histogram
                # HELP projection_lag_seconds time from an event's commit
                projection_lag_seconds_bucket{topic="outbox.event.product",view="search",le="0.061516456"} 1.0 # {span_id="2273",trace_id="afdb"} 0.059685165 1796403292.785
                projection_lag_seconds_bucket{topic="outbox.event.product",view="search",le="+Inf"} 36.0
                process_uptime_seconds 123.5 1796403292785

                projection_drift{kind="stale",view="search"} NaN
                """);
        assertEquals(4, samples.size());
        PrometheusText.Sample bucket = samples.get(0);
        assertEquals("projection_lag_seconds_bucket", bucket.name());
        assertEquals("outbox.event.product", bucket.label("topic"));
        assertEquals("search", bucket.label("view"));
        assertEquals("0.061516456", bucket.label("le"));
        assertEquals(1.0, bucket.value());
        assertEquals("+Inf", samples.get(1).label("le"));
        assertEquals(36.0, samples.get(1).value());
        assertEquals("process_uptime_seconds", samples.get(2).name());
        assertTrue(samples.get(2).labels().isEmpty());
        assertEquals(123.5, samples.get(2).value());
        assertTrue(Double.isNaN(samples.get(3).value()));
    }

    @Test
    void labelValuesMayHoldEscapesCommasAndBraces() {
        PrometheusText.Sample s = PrometheusText.parse("http_requests{uri=\"/a,{b}\",msg=\"say \\\"hi\\\"\\\\n\"} 2\n").get(0);
        assertEquals("/a,{b}", s.label("uri"));
        assertEquals("say \"hi\"\\n", s.label("msg"));
        assertEquals(2.0, s.value());
    }

    @Test
    void aLineThatIsNoSampleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("projection_events_total{view=\"feed\"}"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("x{view=\"feed} 1"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("x 12abc"));
    }
}
