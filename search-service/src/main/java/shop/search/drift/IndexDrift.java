package shop.search.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.projection.DriftRepair;
import shop.kit.projection.DriftReport;
import shop.kit.projection.SourceOfTruth;
import shop.kit.projection.Suspects;
import shop.kit.projection.ViewDrift;
import shop.kit.projection.ViewProgress;
import shop.search.SearchConfig;
import shop.search.catalog.CatalogProducts;
import shop.search.index.ProductDocument;
import shop.search.index.ProductIndex;
import shop.search.index.ProductIndex.Held;
import shop.search.index.ProductIndex.Outcome;
import shop.search.index.ProductIndex.Write;

/**
 * Compares the index with catalog-service, the source of truth, and repairs it on request.
 *
 * <ol>
 * <li>One pass over both in id order (catalog's keyset pages, the index's {@code search_after}
 * pages), a merge: every product's id, version and deleted state against the document the index
 * holds. What differs is a suspect, not yet drift: the index may simply not have had the event yet.</li>
 * <li>Suspects are looked at again, both sides read afresh, until they agree or have differed for
 * longer than an event takes to arrive (the grace, {@code search.drift.grace}, plus the view's current
 * lag): a product catalog wrote a moment ago is in flight, not drift. What still differs is
 * reported: missing (catalog has it, the index has no live document), stale (another version),
 * extra (a live document catalog does not have).</li>
 * <li>Repair writes exactly those documents, a page at a time (kit's {@link DriftRepair}: the check keeps
 * ids, each page is read from catalog again), through the same version guard as the projection:
 * catalog's document at catalog's version (Elasticsearch refuses it if an event brought a newer
 * one meanwhile), and for an extra a tombstone one version above the one it replaces.</li>
 * </ol>
 * Nothing is repaired unless the whole check could read catalog-service (503 otherwise); a repair
 * that loses catalog midway says how far it got, and the next check does the rest.
 */
@ApplicationScoped
public class IndexDrift implements ViewDrift {

    private final ProductIndex index;
    private final CatalogProducts catalog;
    private final ViewProgress progress;
    private final SearchConfig.Drift config;

    IndexDrift(ProductIndex index, CatalogProducts catalog, ViewProgress progress, SearchConfig config) {
        this.index = index;
        this.catalog = catalog;
        this.progress = progress;
        this.config = config.drift();
    }

    /** Checks (and with {@code repair}, repairs) the index; 409 while another check runs. */
    public DriftReport check(boolean repair) {
        return progress.checkDrift(() -> run(repair));
    }

    @Override
    public DriftReport run(boolean repair) {
        DriftReport.Findings findings = new DriftReport.Findings();
        Suspects<String> suspects = compare(findings);
        List<Drifted> drifted = confirm(suspects, findings);
        if (repair) {
            findings.repaired(DriftRepair.inPages(drifted, config.pageSize(), this::repair));
        }
        return findings.report("search", repair);
    }

    /** The pass over both sides; returns each suspect with the time from which it may still be in flight. */
    private Suspects<String> compare(DriftReport.Findings findings) {
        Suspects<String> suspects = new Suspects<>();
        int size = config.pageSize();
        Cursor<JsonNode> products = new Cursor<>(after -> {
            CatalogProducts.Page page = SourceOfTruth.read(() -> catalog.page(after, size));
            return new Batch<>(page.items(), page.next() == null);
        }, product -> product.path("id").asText());
        Cursor<Held> documents = new Cursor<>(after -> {
            List<Held> page = index.page(after, size);
            return new Batch<>(page, page.size() < size);
        }, Held::id);
        Instant now = Instant.now();
        while (products.peek() != null || documents.peek() != null) {
            JsonNode product = products.peek();
            Held document = documents.peek();
            int order = product == null ? 1 : document == null ? -1 : products.id(product).compareTo(document.id());
            if (order < 0) { // catalog only
                findings.checked(1);
                suspects.add(products.id(product), updatedAt(product));
                products.next();
            } else if (order > 0) { // index only: a tombstone is as it should be
                if (!document.deleted()) {
                    findings.checked(1);
                    suspects.add(document.id(), now);
                }
                documents.next();
            } else {
                findings.checked(1);
                if (document.deleted() || document.version() != product.path("version").asLong()) {
                    suspects.add(document.id(), updatedAt(product));
                }
                products.next();
                documents.next();
            }
        }
        return suspects;
    }

    /**
     * Reads the suspects again, both sides afresh, until each agrees or is drift (kit's Suspects:
     * the grace plus the view's current lag); returns what is drift, as keys: a product's document
     * is read again when it is repaired, so a large drift is never held in memory whole.
     */
    private List<Drifted> confirm(Suspects<String> suspects, DriftReport.Findings findings) {
        List<Drifted> drifted = new ArrayList<>();
        progress.settle(suspects, ids -> {
            Map<String, Suspects.Look> looks = new HashMap<>();
            for (List<String> chunk : SourceOfTruth.pages(ids, config.pageSize())) {
                // the index first: an event applied between the two reads then looks like lag, never like drift
                Map<String, Held> held = index.held(chunk);
                Map<String, JsonNode> truth = new HashMap<>();
                SourceOfTruth.read(() -> catalog.lookup(chunk)).forEach(p -> truth.put(p.path("id").asText(), p));
                for (String id : chunk) {
                    looks.put(id, look(id, truth.get(id), held.get(id), findings, drifted));
                }
            }
            return looks;
        });
        return drifted;
    }

    /** A look at one suspect; what it keeps for the repair is small (an id, a version), never the product. */
    private static Suspects.Look look(String id, JsonNode product, Held document, DriftReport.Findings findings,
            List<Drifted> drifted) {
        boolean live = document != null && !document.deleted();
        if (product == null) {
            if (!live) {
                return Suspects.AGREES;
            }
            long tombstoneAt = document.version() + 1;
            return new Suspects.Differs(null, () -> {
                findings.extra(id);
                drifted.add(new Drifted(id, tombstoneAt));
            });
        }
        long version = product.path("version").asLong();
        if (live && document.version() == version) {
            return Suspects.AGREES;
        }
        return new Suspects.Differs(updatedAt(product), () -> {
            if (live) {
                findings.stale(id);
            } else {
                findings.missing(id);
            }
            drifted.add(new Drifted(id, Drifted.FROM_CATALOG));
        });
    }

    /**
     * One page of the repair: catalog's documents at catalog's versions, read now (a product deleted
     * since is left to its delete event), and the tombstones; returns how many the index took.
     */
    private int repair(List<Drifted> page) {
        List<String> ids = page.stream().filter(Drifted::fromCatalog).map(Drifted::id).toList();
        List<Write> writes = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (JsonNode product : SourceOfTruth.readToRepair(() -> catalog.lookup(ids))) {
                long version = product.path("version").asLong();
                writes.add(new Write(product.path("id").asText(), version, ProductDocument.of(product, version)));
            }
        }
        for (Drifted extra : page) {
            if (!extra.fromCatalog()) {
                writes.add(new Write(extra.id(), extra.tombstoneAt(), ProductDocument.tombstone(extra.id(), extra.tombstoneAt())));
            }
        }
        return (int) index.repair(writes).stream().filter(r -> r.outcome() == Outcome.APPLIED).count();
    }

    private static Instant updatedAt(JsonNode product) {
        try {
            return Instant.parse(product.path("updatedAt").asText());
        } catch (RuntimeException unreadable) {
            return Instant.now();
        }
    }

    /** A confirmed drift: a product to rewrite from catalog, or a document to tombstone at {@code tombstoneAt}. */
    private record Drifted(String id, long tombstoneAt) {
        static final long FROM_CATALOG = 0;

        boolean fromCatalog() {
            return tombstoneAt == FROM_CATALOG;
        }
    }

    private record Batch<T>(List<T> items, boolean last) {
    }

    /** One side of the merge: pages fetched as the merge reaches their end. */
    private static final class Cursor<T> {
        private final Function<String, Batch<T>> fetch;
        private final Function<T, String> id;
        private List<T> page = List.of();
        private int position;
        private boolean last;
        private String after;

        Cursor(Function<String, Batch<T>> fetch, Function<T, String> id) {
            this.fetch = fetch;
            this.id = id;
        }

        T peek() {
            if (position == page.size()) {
                if (last) {
                    return null;
                }
                Batch<T> batch = fetch.apply(after);
                page = batch.items();
                last = batch.last();
                position = 0;
                if (page.isEmpty()) {
                    return null;
                }
                after = id.apply(page.get(page.size() - 1));
            }
            return page.get(position);
        }

        void next() {
            position++;
        }

        String id(T item) {
            return id.apply(item);
        }
    }
}
