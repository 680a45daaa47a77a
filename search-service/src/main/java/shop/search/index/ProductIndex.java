package shop.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.jboss.logging.Logger;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

import shop.search.SearchConfig;

/**
 * The product index in Elasticsearch, and nothing else: searches read the alias
 * ({@code products}); writes go to the index behind it and, while a rebuild runs, to the index
 * being built as well. Every write carries the product version as an external version, so
 * Elasticsearch itself refuses anything not newer than what it holds: redelivered and
 * out-of-order events change nothing, whichever index they reach first.
 */
@ApplicationScoped
public class ProductIndex {

    /** One product write: a document (or tombstone) at a version. */
    public record Write(String id, long version, ObjectNode document) {
    }

    /** What became of a write in the index searches read. */
    public enum Outcome {
        /** Written: it was newer than what the index held. */
        APPLIED,
        /** Refused by the version guard: the index holds this version or a newer one. */
        STALE,
        /** Refused as invalid by Elasticsearch (a value the mapping does not take). */
        REJECTED
    }

    public record Result(Outcome outcome, String reason) {
    }

    /** A document as the drift check reads it: the product id, the version it holds, whether it is a tombstone. */
    public record Held(String id, long version, boolean deleted) {
    }

    /** Where writes go: the index behind the alias, and the one being built (or null). */
    record Targets(String current, String building) {
        List<String> all() {
            return building == null ? List.of(current) : List.of(current, building);
        }
    }

    private static final Logger LOG = Logger.getLogger(ProductIndex.class);
    private static final String LIVE = "{\"bool\":{\"must_not\":{\"term\":{\"deleted\":true}}}}";

    private final RestClient es;
    private final ObjectMapper json;
    private final String alias;
    private final String mapping;
    private final Counter writeFailures;
    private final Tracer tracer;
    private volatile Targets targets;

    ProductIndex(RestClient es, ObjectMapper json, SearchConfig config, MeterRegistry registry, Tracer tracer) {
        this.es = es;
        this.tracer = tracer;
        this.json = json;
        this.alias = config.index().alias();
        this.mapping = config.index().mapping();
        this.writeFailures = Counter.builder("search.index.write.failures")
                .description("bulk writes that Elasticsearch did not take (unreachable, overloaded) and that are retried")
                .register(registry);
    }

    void prepareAtStart(@Observes StartupEvent start) {
        try {
            prepare();
        } catch (IndexUnavailable down) {
            // readiness says DOWN meanwhile; the projection prepares it before its first write
            LOG.warnf("Elasticsearch not reachable at start-up (%s); the index is prepared once it is", down.getMessage());
        }
    }

    public String alias() {
        return alias;
    }

    /** The index behind the alias; creates {@code <alias>-v1} from the mapping file, and the alias, when missing. */
    public synchronized String prepare() {
        if (targets != null) {
            return targets.current();
        }
        Answer aliased = call("GET", "/_alias/" + alias, null, "404");
        String current;
        if (aliased.status() == 404) {
            current = alias + "-v1";
            create(current);
            call("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + current + "\",\"alias\":\"" + alias + "\"}}]}",
                    null);
            LOG.infof("created index %s behind alias %s", current, alias);
        } else {
            current = stream(aliased.body().fieldNames()).max(Comparator.comparingInt(ProductIndex::generation))
                    .orElseThrow();
        }
        targets = new Targets(current, null);
        return current;
    }

    /**
     * Applies the writes to every target index in one bulk request; the result per write is the
     * one of the index searches read. Elasticsearch unreachable or overloaded: retried with
     * backoff, for ever (the events must not be skipped, and the versions make a repeat harmless).
     */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 0, retryOn = IndexUnavailable.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    public List<Result> apply(List<Write> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        prepare();
        Targets to = targets;
        try {
            return bulk(writes, to.all(), "external");
        } catch (IndexUnavailable down) {
            writeFailures.increment();
            LOG.warnf("Elasticsearch unavailable, %d writes wait and are retried: %s", writes.size(), down.getMessage());
            throw down;
        }
    }

    /** {@link #apply} once, without its retries: for a replay, which answers a person and must not wait for ever. */
    public List<Result> applyOnce(List<Write> writes) {
        prepare();
        return bulk(writes, targets.all(), "external");
    }

    /**
     * The version of a live product that searches see; empty for unknown and deleted products. Read
     * with {@code realtime=false}, from what the index has refreshed: a realtime get sees a write at
     * once, up to a refresh (1 s) before any search finds it, and a reader told "searchable" must find it.
     */
    public Optional<Long> indexedVersion(String id) {
        Answer doc = call("GET", "/" + alias + "/_doc/" + id + "?realtime=false&_source_includes=version,deleted", null, "404");
        JsonNode source = doc.body().path("_source");
        if (doc.status() == 404 || !doc.body().path("found").asBoolean() || source.path("deleted").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(source.path("version").asLong());
    }

    /** Documents (live and tombstones) of the index searches read, in id order, after {@code after} (null: the first). */
    public List<Held> page(String after, int size) {
        ObjectNode request = json.createObjectNode().put("size", size).put("track_total_hits", false);
        request.putArray("sort").addObject().put("id", "asc");
        request.putArray("_source").add("version").add("deleted");
        if (after != null) {
            request.putArray("search_after").add(after);
        }
        List<Held> held = new ArrayList<>(size);
        search(request).path("hits").path("hits").forEach(hit -> held.add(held(hit)));
        return held;
    }

    /** The documents of these ids the index searches read holds, by id; an id it lacks is not in the map. */
    public Map<String, Held> held(List<String> ids) {
        Map<String, Held> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        ObjectNode request = json.createObjectNode();
        ids.forEach(request.putArray("ids")::add);
        JsonNode docs = call("POST", "/" + alias + "/_mget?_source_includes=version,deleted", write(request), null).body();
        docs.path("docs").forEach(doc -> {
            if (doc.path("found").asBoolean()) {
                found.put(doc.path("_id").asText(), held(doc));
            }
        });
        return found;
    }

    private static Held held(JsonNode hit) {
        JsonNode source = hit.path("_source");
        return new Held(hit.path("_id").asText(), source.path("version").asLong(), source.path("deleted").asBoolean());
    }

    /**
     * A drift repair: catalog's documents (or tombstones) written to every target index at their
     * versions, once (the caller reports what did not take). {@code external_gte}: a document
     * whose content drifted while Elasticsearch's version stayed (a lost write, a restored
     * snapshot) is rewritten at that same version; a newer version from an event still wins.
     */
    public List<Result> repair(List<Write> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        prepare();
        return bulk(writes, targets.all(), "external_gte");
    }

    /** How many live products the index searches read holds. */
    public long documents() {
        return call("POST", "/" + alias + "/_count", "{\"query\":" + LIVE + "}", null).body().path("count").asLong();
    }

    /** Runs a search request (built as JSON, never from strings) against the alias. */
    public JsonNode search(ObjectNode request) {
        return call("POST", "/" + alias + "/_search", write(request), null).body();
    }

    // --- rebuild: a new index beside the current one, then an atomic alias swap

    /** Creates the next index generation ({@code <alias>-v<N+1>}) and sends every write to it from now on. */
    public synchronized String startBuilding() {
        String current = prepare();
        if (targets.building() != null) {
            throw new IllegalStateException("already building " + targets.building());
        }
        int highest = Stream.concat(Stream.of(current), existingGenerations().stream())
                .mapToInt(ProductIndex::generation).max().orElse(1);
        String next = alias + "-v" + (highest + 1);
        create(next);
        targets = new Targets(current, next);
        return next;
    }

    /** Copies products into the index being built; a version the index already holds (from an event) wins. */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 0, retryOn = IndexUnavailable.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    public void copy(String index, List<Write> writes) {
        if (!writes.isEmpty()) {
            bulk(writes, List.of(index), "external");
        }
    }

    /**
     * Points the alias at the built index in one {@code _aliases} call (remove and add are
     * atomic: a search sees the old index or the new one, never none) and returns the old index.
     */
    public synchronized String swapTo(String built) {
        String old = targets.current();
        call("POST", "/" + built + "/_refresh", null, null);
        call("POST", "/_aliases", "{\"actions\":[{\"remove\":{\"index\":\"" + old + "\",\"alias\":\"" + alias
                + "\"}},{\"add\":{\"index\":\"" + built + "\",\"alias\":\"" + alias + "\"}}]}", null);
        targets = new Targets(built, null);
        return old;
    }

    /** Stops writing to an index being built (a failed rebuild) and deletes it. */
    public synchronized void abandon(String building) {
        if (targets != null && building.equals(targets.building())) {
            targets = new Targets(targets.current(), null);
        }
        drop(building);
    }

    public void drop(String index) {
        call("DELETE", "/" + index, null, "404");
    }

    private List<Result> bulk(List<Write> writes, List<String> indices, String versionType) {
        StringBuilder body = new StringBuilder();
        for (Write w : writes) {
            for (String index : indices) {
                body.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":")
                        .append(write(json.getNodeFactory().textNode(w.id()))).append(",\"version\":")
                        .append(w.version()).append(",\"version_type\":\"").append(versionType).append("\"}}\n")
                        .append(write(w.document())).append('\n');
            }
        }
        JsonNode items = call("POST", "/_bulk", body.toString(), null).body().path("items");
        List<Result> results = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            Result first = null;
            for (int t = 0; t < indices.size(); t++) {
                JsonNode item = items.path(i * indices.size() + t).path("index");
                int status = item.path("status").asInt();
                if (status == 429 || status >= 500) {
                    throw new IndexUnavailable("bulk item answered " + status + ": " + item.path("error"), null);
                }
                if (t == 0) {
                    first = status == 409 ? new Result(Outcome.STALE, null)
                            : status < 300 ? new Result(Outcome.APPLIED, null)
                            : new Result(Outcome.REJECTED, item.path("error").path("type").asText() + ": "
                                    + item.path("error").path("reason").asText());
                }
                // the index being built: a version conflict there is the guard working; nothing else is kept
            }
            results.add(first);
        }
        return results;
    }

    private void create(String index) {
        Answer created = call("PUT", "/" + index, mappingFile(), "400");
        if (created.status() == 400
                && !"resource_already_exists_exception".equals(created.body().path("error").path("type").asText())) {
            throw new IllegalStateException("cannot create index " + index + ": " + created.body());
        }
    }

    private List<String> existingGenerations() {
        JsonNode rows = call("GET", "/_cat/indices/" + alias + "-v*?format=json&h=index", null, null).body();
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.path("index").asText()));
        return names;
    }

    /** {@code products-v7} → 7; anything else → 0. */
    static int generation(String index) {
        int dash = index.lastIndexOf("-v");
        try {
            return dash < 0 ? 0 : Integer.parseInt(index.substring(dash + 2));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String mappingFile() {
        String path = "elasticsearch/" + mapping + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("mapping file " + path + " missing from the service");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    /**
     * One request, as a client span (the low-level client makes none): {@code elasticsearch <operation>}
     * with the index, the status and Elasticsearch's own {@code took}; {@code ignore} lists statuses
     * that are answers here, not failures.
     */
    private Answer call(String method, String path, String body, String ignore) {
        String operation = operation(path);
        Span span = tracer.spanBuilder("elasticsearch " + operation).setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system.name", "elasticsearch")
                .setAttribute("db.operation.name", operation)
                .setAttribute("db.collection.name", index(path))
                .setAttribute("http.request.method", method)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            Answer answer = send(method, path, body, ignore);
            span.setAttribute("http.response.status_code", answer.status());
            if (answer.body().has("took")) {
                span.setAttribute("elasticsearch.took_ms", answer.body().path("took").asLong());
            }
            return answer;
        } catch (RuntimeException failed) {
            span.recordException(failed);
            span.setStatus(StatusCode.ERROR, failed.getMessage());
            throw failed;
        } finally {
            span.end();
        }
    }

    /** The API a path calls: {@code _bulk}, {@code _search}, {@code _doc}, ...; {@code index} for an index itself. */
    static String operation(String path) {
        String bare = path.split("\\?", 2)[0];
        for (String segment : bare.split("/")) {
            if (segment.startsWith("_")) {
                return segment.substring(1);
            }
        }
        return "index";
    }

    /** The index (or alias) a path names: its first segment, or, for a bulk, this service's alias. */
    private String index(String path) {
        String first = path.split("\\?", 2)[0].replaceFirst("^/", "").split("/", 2)[0];
        return first.startsWith("_") ? alias : first;
    }

    private Answer send(String method, String path, String body, String ignore) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        if (ignore != null) {
            request.addParameter("ignore", ignore);
        }
        try {
            Response response = es.performRequest(request);
            // parsed straight from the entity's stream: a search answer is ~10 KB, no need for a String copy first
            JsonNode answer = response.getEntity() == null ? json.createObjectNode()
                    : json.readTree(response.getEntity().getContent());
            return new Answer(response.getStatusLine().getStatusCode(), answer);
        } catch (ResponseException refused) {
            int status = refused.getResponse().getStatusLine().getStatusCode();
            if (status == 429 || status >= 500) {
                throw new IndexUnavailable(method + " " + path + " answered " + status, refused);
            }
            throw new IllegalStateException(method + " " + path + " refused: " + refused.getMessage(), refused);
        } catch (IOException unreachable) {
            throw new IndexUnavailable(method + " " + path + ": " + unreachable, unreachable);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        Iterable<T> iterable = () -> iterator;
        return java.util.stream.StreamSupport.stream(iterable.spliterator(), false);
    }
}
