package shop.kit.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;


/**
 * How far a derived view (search's index, the feed) trails PostgreSQL, the same way for every view.
 * On {@code /q/metrics}, tagged {@code view} and {@code topic}:
 * <ul>
 * <li>{@code projection_lag_seconds}: histogram of commit → applied, from the Kafka record's timestamp
 * (Debezium sets it from the outbox row's commit) to the store's acknowledgement;</li>
 * <li>{@code projection_hop_seconds{hop=capture|queued|apply}}: where that lag went, hop by hop (see
 * {@link LagHops}): commit → appended to Kafka (Debezium), appended → taken by the projection (the
 * consumer's backlog), taken → acknowledged by the store. Kafka stamps each outbox record with its
 * append time ({@code message.timestamp.type=LogAppendTime} on the outbox topics); on a topic that keeps
 * the producer's time instead the hops are not known and not recorded;</li>
 * <li>{@code projection_lag_current_seconds}: the age of the oldest event being applied now, since it
 * reached Kafka (grows while a store does not answer and the projection retries; 0 when idle);</li>
 * <li>{@code projection_events_total{outcome=applied|stale|duplicate}}: events applied, and skipped
 * because the view held that version or item already;</li>
 * <li>{@code projection_dead_letters_total}: events this instance sent to the dead-letter topic;</li>
 * <li>{@code projection_records_behind}: the consumer group's backlog (end offsets less committed
 * offsets), and {@code projection_dead_letters_pending}: dead letters not replayed yet (the replay
 * group's backlog on the dead-letter topic). Both read from Kafka every few seconds in the
 * background, so a scrape never waits for a broker; NaN while Kafka does not answer.</li>
 * </ul>
 * {@link #status()} is what {@code GET /api/<view>/status} shows: the last event and its lag, the lag
 * p50/p99 over the last minute and each hop's, records behind and dead letters.
 *
 * <p>Switched on with {@code shop.kit.view.enabled=true} (build time) and configured by
 * {@code shop.kit.view.name}, {@code .group}, {@code .topics} and {@code .dead-letter-topic}; the drift
 * checks by {@code shop.kit.view.drift.grace}, {@code .max-wait}, {@code .turn-wait} and {@code .every}
 * (DriftSchedule).
 */
@ApplicationScoped
@Startup // its meters are on /q/metrics (at 0) from the start, not from the first event
@IfBuildProperty(name = "shop.kit.view.enabled", stringValue = "true")
public class ViewProgress {

    /** The view's progress as its status endpoint shows it; null where not known (yet). */
    public record Status(Instant lastEventAt, Long lastEventLagMs, Long currentLagMs, Long lagP50Ms, Long lagP99Ms,
            Map<String, HopLag> lagByHop, Long recordsBehind, Long deadLetters, DriftReport lastDrift) {
    }

    /** One hop's share of the lag over the last minute, p50 and p99 (null before an event has crossed it). */
    public record HopLag(Long p50Ms, Long p99Ms) {
    }

    /** Where a view reads from: its consumer group and topics, and its dead-letter topic with the replay's group. */
    public record Source(String group, List<String> topics, String deadLetterTopic, String replayGroup) {
    }

    private record LastEvent(Instant occurredAt, long lagMs) {
    }

    /** A record the view is applying: its timestamp (its append to Kafka) and when the view first took it. */
    private record Taken(long timestamp, long at) {
    }

    /** Where a record sits in Kafka: what the view remembers between taking it and applying it. */
    private record Position(String topic, int partition, long offset) {
        static Position of(ConsumerRecord<?, ?> record) {
            return new Position(record.topic(), record.partition(), record.offset());
        }
    }

    private record Backlog(Map<String, Long> behind, Long deadLetters) {
        static final Backlog UNKNOWN = new Backlog(Map.of(), null);
    }

    private static final Logger LOG = Logger.getLogger(ViewProgress.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final String view;
    private final Source source;
    private final MeterRegistry registry;
    private final ConsumerBacklog kafka;
    private final LastMinute lastMinute = new LastMinute();
    private final Map<String, LastMinute> hopsLastMinute = new LinkedHashMap<>();
    private final AtomicReference<LastEvent> last = new AtomicReference<>();
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(Backlog.UNKNOWN);
    private final ScheduledExecutorService reader;
    // per record: an instance applies several records at once (feed-service: one per aggregate)
    private final Map<Position, Taken> inFlight = new ConcurrentHashMap<>();
    private final Duration driftGrace;
    private final Duration driftMaxWait;
    private final DriftTurns driftTurns;
    private final AtomicReference<DriftReport> lastDrift = new AtomicReference<>();

    ViewProgress(@ConfigProperty(name = "shop.kit.view.name") String view,
            @ConfigProperty(name = "shop.kit.view.group") String group,
            @ConfigProperty(name = "shop.kit.view.topics") List<String> topics,
            @ConfigProperty(name = "shop.kit.view.dead-letter-topic") String deadLetterTopic,
            @ConfigProperty(name = "shop.kit.view.backlog-refresh", defaultValue = "5S") Duration refresh,
            @ConfigProperty(name = "shop.kit.view.backlog-timeout", defaultValue = "2S") Duration timeout,
            @ConfigProperty(name = "shop.kit.view.drift.grace", defaultValue = "5S") Duration driftGrace,
            @ConfigProperty(name = "shop.kit.view.drift.max-wait", defaultValue = "2M") Duration driftMaxWait,
            @ConfigProperty(name = "shop.kit.view.drift.turn-wait", defaultValue = "30S") Duration driftTurnWait,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.view = view;
        this.driftGrace = driftGrace;
        this.driftMaxWait = driftMaxWait;
        this.driftTurns = new DriftTurns(view, driftTurnWait);
        // the replay of dead letters commits its progress as a consumer group of its own
        this.source = new Source(group, topics, deadLetterTopic, group + ".dead-letters");
        this.registry = registry;
        this.kafka = new ConsumerBacklog(kafkaConfig, timeout);
        for (String hop : LagHops.NAMES) {
            hopsLastMinute.put(hop, new LastMinute());
        }
        for (String topic : source.topics()) {
            lag(topic);
            LagHops.NAMES.forEach(hop -> hop(topic, hop));
            events(topic, "applied");
            Gauge.builder("projection.records.behind", backlog, b -> value(b.get().behind().get(topic)))
                    .description("records the view's consumer group has yet to apply (end offset less committed offset)")
                    .tags("view", view, "topic", topic).register(registry);
        }
        Gauge.builder("projection.lag.current", this, progress -> progress.currentLag().toMillis() / 1000.0)
                .description("age of the oldest event the view is applying now, from its record's timestamp (on the"
                        + " outbox topics, its append to Kafka); 0 when idle")
                .tags("view", view).baseUnit("seconds").register(registry);
        for (String kind : List.of("missing", "stale", "extra")) {
            Gauge.builder("projection.drift", lastDrift, d -> d.get() == null ? Double.NaN : switch (kind) {
                case "missing" -> d.get().missing();
                case "stale" -> d.get().stale();
                default -> d.get().extra();
            }).description("what the last drift check found, by kind (before its repair)")
                    .tags("view", view, "kind", kind).register(registry);
        }
        Gauge.builder("projection.dead.letters.pending", backlog, b -> value(b.get().deadLetters()))
                .description("dead letters not replayed yet")
                .tags("view", view, "topic", source.deadLetterTopic()).register(registry);
        this.reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, view + "-backlog");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::readBacklog, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The view starts applying these records: until each is {@link #settled}, the oldest one's age is
     * {@code projection_lag_current_seconds}, so a projection held up by its store (retrying) shows a
     * lag that grows, though no event completes. The age is counted from the record's timestamp: its
     * append to Kafka on the outbox topics (a commit's capture, ~0.1 s, is not in it). The first time a
     * record is taken is when its {@code queued} hop ends (a retry does not move it).
     */
    public void working(List<? extends ConsumerRecord<?, ?>> records) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<?, ?> record : records) {
            inFlight.putIfAbsent(Position.of(record), new Taken(record.timestamp(), now));
        }
    }

    /**
     * The view is done with these records (applied, skipped or dead-lettered); the others it is
     * applying meanwhile (other aggregates', other partitions') still count.
     */
    public void settled(List<? extends ConsumerRecord<?, ?>> records) {
        records.forEach(record -> inFlight.remove(Position.of(record)));
    }

    /** Age of the oldest event the view is applying now; zero when it is idle. */
    public Duration currentLag() {
        long oldest = inFlight.values().stream().mapToLong(Taken::timestamp).filter(t -> t > 0).min().orElse(0);
        return oldest == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest));
    }

    /**
     * An event reached the view: lag from its commit to {@code appliedAt}, and each hop's share of it.
     * The commit is the outbox row's time: the event's {@code occurredAt} (which Debezium also writes
     * as the record's timestamp, kept on a topic that does not stamp its own append time).
     */
    public void applied(ConsumerRecord<?, ?> record, Instant occurredAt, Instant appliedAt) {
        Taken taken = inFlight.get(Position.of(record));
        boolean appendTime = record.timestampType() == TimestampType.LOG_APPEND_TIME;
        Instant committed = !appendTime && record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : occurredAt;
        Duration took = LagHops.nonNegative(Duration.between(committed, appliedAt));
        lag(record.topic()).record(took);
        lastMinute.record(took);
        if (appendTime && taken != null) {
            LagHops hops = LagHops.of(committed, Instant.ofEpochMilli(record.timestamp()), Instant.ofEpochMilli(taken.at()),
                    appliedAt);
            hops.byName().forEach((hop, duration) -> {
                hop(record.topic(), hop).record(duration);
                hopsLastMinute.get(hop).record(duration);
            });
        }
        events(record.topic(), "applied").increment();
        last.set(new LastEvent(occurredAt, took.toMillis()));
    }

    /** An event the view held already: {@code stale} (an older version) or {@code duplicate} (the same item). */
    public void skipped(ConsumerRecord<?, ?> record, String outcome) {
        events(record.topic(), outcome).increment();
    }

    /** An event went to the dead-letter topic. */
    public void deadLettered(String topic) {
        Counter.builder("projection.dead.letters").description("events sent to the dead-letter topic by this instance")
                .tags("view", view, "topic", topic).register(registry).increment();
    }

    /**
     * Runs a drift check of this view, one at a time: one asked for while another runs (the hourly
     * scheduled one, another operator's) waits its turn for up to {@code shop.kit.view.drift.turn-wait}
     * (30 s, under the gateway's 60 s), then is a 409. Keeps its report for {@link #status()} and the
     * {@code projection_drift} gauges.
     */
    public DriftReport checkDrift(Supplier<DriftReport> check) {
        return driftTurns.run(() -> {
            DriftReport report = check.get();
            lastDrift.set(report);
            Counter.builder("projection.drift.checks").description("drift checks run, and whether they found drift")
                    .tags("view", view, "clean", String.valueOf(report.clean())).register(registry).increment();
            Counter.builder("projection.drift.repaired").description("documents or items a drift repair wrote")
                    .tags("view", view).register(registry).increment(report.repaired());
            if (!report.clean()) {
                LOG.warnf("%s drift: %d missing, %d stale, %d extra of %d checked; %d repaired (first ids: %s)", view,
                        report.missing(), report.stale(), report.extra(), report.checked(), report.repaired(), report.ids());
            } else {
                LOG.infof("%s drift: none in %d checked (%d ms)", view, report.checked(), report.tookMs());
            }
            return report;
        });
    }

    /**
     * Reads a drift check's suspects again until each agrees or is drift: the grace
     * ({@code shop.kit.view.drift.grace}, 5 s) plus this view's current lag, for at most
     * {@code shop.kit.view.drift.max-wait} (2 min). See {@link Suspects}.
     */
    public <K> void settle(Suspects<K> suspects, Function<List<K>, Map<K, Suspects.Look>> reread) {
        suspects.settle(driftGrace, () -> Suspects.lagOf(status()), driftMaxWait, reread);
    }

    public Status status() {
        LastEvent event = last.get();
        HopLag lag = lastMinute.percentiles();
        Map<String, HopLag> hops = new LinkedHashMap<>();
        hopsLastMinute.forEach((hop, window) -> hops.put(hop, window.percentiles()));
        Backlog now = backlog.get();
        Long behind = now.behind().isEmpty() ? null : now.behind().values().stream().mapToLong(Long::longValue).sum();
        return new Status(event == null ? null : event.occurredAt(), event == null ? null : event.lagMs(),
                currentLag().toMillis(), lag.p50Ms(), lag.p99Ms(), hops, behind, now.deadLetters(), lastDrift.get());
    }

    /**
     * The status's p50 and p99 of the last minute: a window that slides (three 20 s slots). Micrometer
     * answers 0 for a window that has emptied, so an idle minute is told apart by the last event's
     * time, and shows as null ("not known"), never as a lag of 0 ms.
     */
    private static final class LastMinute {
        private final Timer window = Timer.builder("lag").publishPercentiles(0.5, 0.99).percentilePrecision(2)
                .distributionStatisticExpiry(WINDOW).distributionStatisticBufferLength(3)
                .register(new SimpleMeterRegistry());
        private volatile boolean any;
        private volatile long lastRecorded;

        void record(Duration duration) {
            window.record(duration);
            lastRecorded = System.nanoTime();
            any = true;
        }

        HopLag percentiles() {
            if (!any || System.nanoTime() - lastRecorded > WINDOW.toNanos()) {
                return new HopLag(null, null);
            }
            Long p50 = null;
            Long p99 = null;
            for (ValueAtPercentile p : window.takeSnapshot().percentileValues()) {
                long ms = Math.round(p.value(TimeUnit.MILLISECONDS));
                if (p.percentile() == 0.5) {
                    p50 = ms;
                } else {
                    p99 = ms;
                }
            }
            return new HopLag(p50, p99);
        }
    }

    /** Reads the backlog now (the background reader does so every few seconds). */
    public void refresh() {
        readBacklog();
    }

    private void readBacklog() {
        try {
            Map<String, Long> behind = kafka.behind(source.group(), source.topics());
            long deadLetters = kafka.behind(source.replayGroup(), List.of(source.deadLetterTopic()))
                    .getOrDefault(source.deadLetterTopic(), 0L);
            backlog.set(new Backlog(behind, deadLetters));
        } catch (ConsumerBacklog.Unknown unknown) {
            LOG.debugf("%s backlog unknown: %s", view, unknown.getMessage());
            backlog.set(Backlog.UNKNOWN);
        } catch (RuntimeException failed) {
            LOG.warnf("%s backlog not read: %s", view, failed.toString());
            backlog.set(Backlog.UNKNOWN);
        }
    }

    private Timer lag(String topic) {
        return Timer.builder("projection.lag")
                .description("time from an event's commit in PostgreSQL to its acknowledgement by the view's store")
                .tags("view", view, "topic", topic)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    private Timer hop(String topic, String hop) {
        return Timer.builder("projection.hop")
                .description("an event's lag hop by hop: capture (commit -> appended to Kafka), queued (appended ->"
                        + " taken by the projection), apply (taken -> acknowledged by the view's store)")
                .tags("view", view, "topic", topic, "hop", hop)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    private Counter events(String topic, String outcome) {
        return Counter.builder("projection.events").description("events that reached the view, by outcome")
                .tags("view", view, "topic", topic, "outcome", outcome).register(registry);
    }

    private static double value(Long n) {
        return n == null ? Double.NaN : n;
    }

    /** The view's name and where it reads from. */
    public Source source() {
        return source;
    }

    /** The view's name: {@code search}, {@code feed}. */
    public String view() {
        return view;
    }

    @PreDestroy
    void close() {
        reader.shutdownNow();
        kafka.close();
        // the registry may outlive this bean (an application restarted in the same JVM, as tests do):
        // a gauge left behind would keep reading this closed instance and shadow the next one's
        registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("projection.") && view.equals(meter.getId().getTag("view")))
                .toList().forEach(registry::remove);
    }
}
