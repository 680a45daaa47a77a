package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LagHistogramTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    /** A page as search-service and feed-service serve it: two topics of the feed view, and another view. */
    private static final String PAGE = """
            # TYPE projection_lag_seconds histogram
            projection_lag_seconds_bucket{topic="outbox.event.order",view="feed",le="0.1"} 10.0
            projection_lag_seconds_bucket{topic="outbox.event.order",view="feed",le="0.5"} 90.0 # {span_id="a",trace_id="b"} 0.3 1796403292.785
            projection_lag_seconds_bucket{topic="outbox.event.order",view="feed",le="1.0"} 99.0
            projection_lag_seconds_bucket{topic="outbox.event.order",view="feed",le="+Inf"} 100.0
            projection_lag_seconds_count{topic="outbox.event.order",view="feed"} 100.0
            projection_lag_seconds_bucket{topic="outbox.event.user",view="feed",le="0.1"} 0.0
            projection_lag_seconds_bucket{topic="outbox.event.user",view="feed",le="0.5"} 2.0
            projection_lag_seconds_bucket{topic="outbox.event.user",view="feed",le="1.0"} 2.0
            projection_lag_seconds_bucket{topic="outbox.event.user",view="feed",le="+Inf"} 2.0
            projection_lag_seconds_bucket{topic="outbox.event.product",view="search",le="+Inf"} 7.0
            projection_hop_seconds_bucket{hop="capture",topic="outbox.event.order",view="feed",le="0.1"} 60.0
            projection_hop_seconds_bucket{hop="capture",topic="outbox.event.order",view="feed",le="+Inf"} 100.0
            projection_hop_seconds_bucket{hop="queued",topic="outbox.event.order",view="feed",le="0.1"} 100.0
            projection_hop_seconds_bucket{hop="queued",topic="outbox.event.order",view="feed",le="+Inf"} 100.0
            projection_hop_seconds_bucket{hop="capture",topic="outbox.event.user",view="feed",le="0.1"} 2.0
            projection_hop_seconds_bucket{hop="capture",topic="outbox.event.user",view="feed",le="+Inf"} 2.0
            projection_hop_seconds_bucket{hop="capture",topic="outbox.event.product",view="search",le="+Inf"} 7.0
            projection_events_total{outcome="applied",topic="outbox.event.order",view="feed"} 100.0
            projection_events_total{outcome="duplicate",topic="outbox.event.order",view="feed"} 3.0
            projection_events_total{outcome="applied",topic="outbox.event.user",view="feed"} 2.0
            projection_events_total{outcome="applied",topic="outbox.event.product",view="search"} 7.0
            kafka_consumer_coordinator_assigned_partitions{client_id="kafka-consumer-user-events",kafka_version="4.1.1"} 3.0
            kafka_consumer_coordinator_assigned_partitions{client_id="kafka-consumer-order-events",kafka_version="4.1.1"} 2.0
            kafka_consumer_coordinator_rebalance_total{client_id="kafka-consumer-user-events",kafka_version="4.1.1"} 15.0
            kafka_consumer_coordinator_rebalance_total{client_id="kafka-consumer-order-events",kafka_version="4.1.1"} 16.0
            """;

    @Test
    void aViewsBucketsAreSummedOverItsTopicsOnly() {
        LagHistogram feed = LagHistogram.of(PrometheusText.parse(PAGE), "feed");
        assertEquals(102, feed.count());
        assertEquals(0.5, feed.quantileSeconds(0.5));
        assertEquals(7, LagHistogram.of(PrometheusText.parse(PAGE), "search").count());
        assertEquals(0, LagHistogram.of(PrometheusText.parse(PAGE), "orders").count());
    }

    @Test
    void eachHopIsItsOwnHistogramOverTheViewsTopics() {
        ViewReading feed = ViewReading.of(PrometheusText.parse(PAGE), "feed");
        assertEquals(102, feed.hop("capture").count());
        assertEquals(INF, feed.hop("capture").quantileSeconds(0.99));
        assertEquals(0.1, feed.hop("capture").quantileSeconds(0.5));
        assertEquals(100, feed.hop("queued").count());
        assertEquals(0, feed.hop("apply").count(), "a hop the page does not hold is empty");
        assertEquals(7, ViewReading.of(PrometheusText.parse(PAGE), "search").hop("capture").count());
        ViewReading twice = feed.plus(feed);
        assertEquals(204, twice.hop("capture").count());
        assertEquals(102, twice.minus(feed).hop("capture").count());
    }

    @Test
    void aViewReadingCountsEveryOutcomeOfEveryTopic() {
        ViewReading feed = ViewReading.of(PrometheusText.parse(PAGE), "feed");
        assertEquals(105, feed.events());
        assertEquals(102, feed.lag().count());
    }

    @Test
    void aViewReadingHoldsTheGroupsRebalancesAndThePartitionsOfEachConsumer() {
        ViewReading main = ViewReading.of(PrometheusText.parse(PAGE), "feed");
        assertEquals(16, main.rebalances()); // the group's, as the busiest of the instance's two consumers counted it
        assertEquals(2, main.partitionsHeld()); // the order topic's consumer holds 2 of its partitions
        ViewReading replica = new ViewReading(LagHistogram.EMPTY, 0, 2,
                Map.of("kafka-consumer-order-events", 1L, "kafka-consumer-user-events", 0L));
        ViewReading both = main.plus(replica);
        assertEquals(3, both.partitionsHeld());
        assertEquals(16, both.rebalances()); // every member takes part in a rebalance: the first one's count is the group's
        ViewReading later = new ViewReading(main.lag(), main.events(), 18, Map.of("kafka-consumer-order-events", 3L),
                main.hops());
        assertEquals(2, later.minus(main).rebalances());
    }

    @Test
    void theDifferenceOfTwoReadingsIsWhatHappenedBetween() {
        LagHistogram before = LagHistogram.of(Map.of(0.1, 10L, 0.5, 90L, 1.0, 99L, INF, 100L));
        LagHistogram after = LagHistogram.of(Map.of(0.1, 10L, 0.5, 95L, 1.0, 195L, INF, 200L));
        LagHistogram step = after.minus(before);
        assertEquals(100, step.count());
        // the step's events: 5 at 0.1..0.5 s, 91 at 0.5..1 s, 4 above 1 s; none of the earlier ones
        assertEquals(1.0, step.quantileSeconds(0.5));
        assertEquals(INF, step.quantileSeconds(0.99));
        assertEquals(0.5, step.quantileSeconds(0.05));
    }

    @Test
    void aCounterThatFellMeansARestartAndIsRefused() {
        LagHistogram before = LagHistogram.of(Map.of(0.1, 10L, INF, 100L));
        LagHistogram after = LagHistogram.of(Map.of(0.1, 2L, INF, 5L));
        assertThrows(IllegalStateException.class, () -> after.minus(before));
        assertThrows(IllegalStateException.class, () -> new ViewReading(after, 5, 0, Map.of()).minus(new ViewReading(after, 6, 0, Map.of())));
    }

    @Test
    void twoInstancesAddUpEvenWhereTheirBoundsDiffer() {
        LagHistogram main = LagHistogram.of(Map.of(0.1, 50L, 0.5, 90L, INF, 100L));
        LagHistogram replica = LagHistogram.of(Map.of(0.2, 30L, INF, 40L));
        LagHistogram both = main.plus(replica);
        assertEquals(140, both.count());
        // at 0.2 s: main's 50 (carried forward from 0.1) and the replica's 30
        assertEquals(0.2, both.quantileSeconds(80.0 / 140));
        assertEquals(0.1, both.quantileSeconds(50.0 / 140));
        assertEquals(0.5, both.quantileSeconds(120.0 / 140));
        assertEquals(140, new ViewReading(main, 100, 0, Map.of()).plus(new ViewReading(replica, 40, 0, Map.of())).events());
    }

    @Test
    void aQuantileIsTheUpperBoundOfTheBucketHoldingItsRank() {
        // 100 events: 50 up to 0.1 s, 49 in 0.1..0.2 s, 1 in 0.2..0.4 s
        LagHistogram lag = LagHistogram.of(Map.of(0.05, 0L, 0.1, 50L, 0.2, 99L, 0.4, 100L, INF, 100L));
        assertEquals(0.1, lag.quantileSeconds(0.50)); // rank 50 is the 0.1 bucket's last
        assertEquals(0.2, lag.quantileSeconds(0.51));
        assertEquals(0.2, lag.quantileSeconds(0.99)); // rank 99
        assertEquals(0.4, lag.quantileSeconds(0.999)); // rank ceil(99.9) = 100
        assertEquals(0.1, lag.quantileSeconds(0.001)); // at least the first event
    }

    @Test
    void noEventsHaveNoQuantile() {
        assertTrue(Double.isNaN(LagHistogram.EMPTY.quantileSeconds(0.99)));
        LagHistogram same = LagHistogram.of(Map.of(0.1, 3L, INF, 3L));
        assertTrue(Double.isNaN(same.minus(same).quantileSeconds(0.5)));
    }
}
