package shop.faults.scenario;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.corpus.Fixture;
import shop.faults.corpus.MalformedCorpus;
import shop.faults.http.Answer;
import shop.faults.http.Json;
import shop.faults.http.Sender;
import shop.faults.http.Shot;
import shop.faults.identity.Identity;
import shop.faults.identity.Personas;
import shop.faults.route.Route;
import shop.faults.route.RouteTable;
import shop.faults.snapshot.StoreSnapshot;
import shop.faults.stack.Stack;

/**
 * Bad input at scale: the malformed corpus ({@link MalformedCorpus}) through the gateway and
 * straight to each service, then the checks a user of the API would make — no 5xx, every error a
 * problem document, no malformed write accepted — and the stores as they were before.
 */
public final class BadInputScenario implements FaultScenario {

    private static final int SMALL = 2_000;
    private static final int FULL = 12_000;
    // the machine has 2 cores shared with the services: enough to keep them busy, not to starve them
    private static final int SENDERS = 6;

    @Override
    public String name() {
        return "bad-input";
    }

    @Override
    public boolean disruptive() {
        return false;
    }

    @Override
    public Outcome run(Scale scale) throws Exception {
        long seed = Long.getLong("faults.seed", 20261127L);
        boolean exclusive = Boolean.getBoolean("faults.exclusive");
        List<Route> routes = RouteTable.load();
        Identity admin = Personas.admin();
        Identity customer = Personas.newCustomer("corpus customer");
        Fixture fixture = makeFixture(admin, customer);

        Map<String, String> bases = new LinkedHashMap<>();
        bases.put("gateway", Stack.gateway());
        routes.forEach(route -> bases.put(route.service(), Stack.service(route.service())));
        List<Shot> corpus = new MalformedCorpus(routes, fixture, admin, customer, bases, seed)
                .generate(scale == Scale.FULL ? FULL : SMALL);

        Map<String, String> targetedBefore = settled(() -> StoreSnapshot.targeted(fixture));
        // what the stores held before the run; objects older than this the orphan sweep may remove
        Instant runStart = Instant.now();
        Quiet globalBefore = quiet(runStart);
        long started = System.nanoTime();
        List<Answer> answers = send(corpus);
        double seconds = (System.nanoTime() - started) / 1e9;
        // anything a request did would reach the derived views within seconds: wait until they hold still
        Map<String, String> targetedAfter = settled(() -> StoreSnapshot.targeted(fixture));
        Quiet globalAfter = quiet(runStart);

        List<String> findings = new ArrayList<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byTarget = new TreeMap<>();
        Map<String, Integer> byFlaw = new TreeMap<>();
        int problems = 0;
        OpenFindings openFindings = OpenFindings.load();
        Map<String, Integer> forwarded = new TreeMap<>();
        Map<String, String> forwardedExamples = new TreeMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            Shot shot = corpus.get(i);
            Answer answer = answers.get(i);
            byStatus.merge(String.valueOf(answer.status()), 1, Integer::sum);
            byTarget.merge(shot.target() + " " + answer.status(), 1, Integer::sum);
            byFlaw.merge(shot.flaw().substring(0, shot.flaw().indexOf(':')), 1, Integer::sum);
            if (answer.isProblem()) {
                problems++;
            }
            String finding = judge(shot, answer);
            if (finding != null) {
                String detail = finding + "\n    request: " + shot.describe() + "\n    answer:  " + answer.describe();
                OpenFindings.Row open = openFindings.covering(shot, answer, finding);
                if (open == null) {
                    findings.add(detail);
                } else {
                    forwarded.merge(open.describe(), 1, Integer::sum);
                    forwardedExamples.putIfAbsent(open.describe(), detail);
                }
            }
        }
        List<String> targetedChanges = StoreSnapshot.differences(targetedBefore, targetedAfter);
        targetedChanges.forEach(change -> findings.add("store changed (targeted): " + change));
        List<String> globalChanges = StoreSnapshot.differences(globalBefore.snapshot(), globalAfter.snapshot());
        if (exclusive) {
            globalChanges.forEach(change -> findings.add("store changed (global): " + change));
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seed", seed);
        figures.put("routes", routes.size());
        figures.put("requests", corpus.size());
        figures.put("seconds", Math.round(seconds * 10) / 10.0);
        figures.put("byStatus", byStatus);
        figures.put("byTargetAndStatus", byTarget);
        figures.put("byFlaw", byFlaw);
        figures.put("status5xx", byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToInt(Map.Entry::getValue).sum());
        figures.put("noAnswer", byStatus.getOrDefault("0", 0));
        figures.put("problemJsonAnswers", problems);
        figures.put("targetedStoreEntries", targetedBefore.size());
        figures.put("targetedStoreChanges", targetedChanges);
        figures.put("globalComparison", exclusive ? "asserted (exclusive run)" : "measured, not asserted (shared stack)");
        figures.put("globalQuietBefore", globalBefore.quiet());
        figures.put("globalQuietAfter", globalAfter.quiet());
        figures.put("globalStoreChanges", globalChanges);
        figures.put("globalBefore", globalBefore.snapshot());
        figures.put("findings", findings);
        figures.put("openFindingsSeen", forwarded);
        figures.put("openFindingsExamples", forwardedExamples);
        figures.put("openFindingsNotSeen", openFindings.rows().stream().map(OpenFindings.Row::describe)
                .filter(row -> !forwarded.containsKey(row)).toList());
        return new Outcome(figures, findings);
    }

    /** Why an answer is wrong for a malformed request, or null when it is right. */
    static String judge(Shot shot, Answer answer) {
        if (answer.status() == 0) {
            return "no answer";
        }
        if (answer.status() >= 500) {
            return "server error " + answer.status();
        }
        if (answer.status() >= 400 && !answer.isProblem() && !shot.method().equals("HEAD")) {
            return "error without application/problem+json";
        }
        if (answer.status() >= 400 && answer.body() != null && answer.body().matches("(?s).*\\bat [a-z]+\\.[\\w.$]+\\(.*")) {
            return "stack trace in the body";
        }
        boolean write = !List.of("GET", "HEAD", "OPTIONS").contains(shot.method());
        // ending what never existed (DELETE, logout with a token that is none) may answer 204:
        // idempotent, and the snapshot proves nothing changed
        boolean idempotentEnd = shot.method().equals("DELETE") || shot.route().equals("POST /api/auth/logout");
        if (write && answer.status() < 300 && !idempotentEnd) {
            return "malformed write accepted";
        }
        return null;
    }

    private Fixture makeFixture(Identity admin, Identity customer) {
        String marker = "flt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Map<String, String> asAdmin = admin.gatewayHeaders();
        Map<String, String> asCustomer = customer.gatewayHeaders();
        JsonNode product = Json.post(Stack.gateway() + "/api/products", asAdmin, Map.of("sku", "FIX-" + marker,
                "name", "Fault suite fixture " + marker, "description", "the bad-input corpus aims at it",
                "brand", "Faults", "price", 12.5, "tags", List.of("faults"), "stock", 50), 201);
        String productId = product.path("id").asText();
        JsonNode order = Json.post(Stack.gateway() + "/api/orders", asCustomer, Map.of("userId", customer.userId(),
                "items", List.of(Map.of("productId", productId, "quantity", 1))), 201);
        String flag = "faults-" + marker;
        Json.call("PUT", Stack.gateway() + "/api/flags/" + flag, asAdmin, Map.of("enabled", true,
                "rolloutPercent", 10, "users", List.of(customer.userId())), 200);
        String board = "faults-" + marker;
        Json.call("PUT", Stack.gateway() + "/api/leaderboards/" + board + "/scores/" + customer.userId(), asAdmin,
                Map.of("score", 7), 200);
        // the derived views must hold the fixture before the "before" snapshot
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Json.exchange("GET",
                Stack.service("search-service") + "/api/search/products/" + productId, Map.of(), null).statusCode() == 200);
        return new Fixture(marker, java.util.UUID.fromString(productId), java.util.UUID.fromString(order.path("id")
                .asText()), java.util.UUID.fromString(customer.userId()), customer.token(), flag, board);
    }

    private static List<Answer> send(List<Shot> corpus) throws Exception {
        Sender sender = new Sender();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Answer>> pending = new ArrayList<>();
            for (Shot shot : corpus) {
                pending.add(pool.submit(() -> {
                    Answer answer = sender.send(shot);
                    // a kept-alive connection the server had just closed (after its early answer to an
                    // oversized body, say) fails without a byte: once more on a new connection
                    return answer.status() == 0 ? sender.sendOnNewConnection(shot) : answer;
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pending) {
                answers.add(answer.get());
            }
            return Collections.unmodifiableList(answers);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A snapshot once it holds still for 3 s (the outbox → Kafka → views path is done). */
    private static Map<String, String> settled(java.util.function.Supplier<Map<String, String>> snapshot) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(snapshot.get());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(3))
                .until(() -> {
                    Map<String, String> now = snapshot.get();
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /**
     * The global snapshot, and whether it was the same 3 s later (nobody else writing). Compared once,
     * not polled: a global snapshot scans every store (the feed table holds millions of items here).
     */
    private static Quiet quiet(Instant runStart) {
        Map<String, String> first = StoreSnapshot.global(runStart);
        try {
            await().pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(30))
                    .until(() -> StoreSnapshot.global(runStart).equals(first));
            return new Quiet(first, true);
        } catch (ConditionTimeoutException othersWriting) {
            return new Quiet(first, false);
        }
    }

    private record Quiet(Map<String, String> snapshot, boolean quiet) {
    }
}
