package shop.search.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import shop.search.SearchConfig;
import shop.search.catalog.CatalogProducts;
import shop.search.index.ProductDocument;
import shop.search.index.ProductIndex;
import shop.kit.problem.Problem;

/**
 * Rebuilds the index from the source of truth without a moment of empty answers: a new index
 * generation is created beside the one the alias points at, and from that moment the projection
 * writes every event to both; catalog-service's products are copied into it page by page (with
 * their versions, so an event that got there first with a newer version wins); then the alias
 * moves to it in one atomic call, and the old index is deleted after a short grace.
 */
@ApplicationScoped
public class IndexRebuild {

    /** Where a rebuild stands: {@code copied} products so far. */
    public record Progress(String state, String index, long copied, Instant startedAt, Instant finishedAt,
            String error) {

        Progress copied(long more) {
            return new Progress(state, index, copied + more, startedAt, null, null);
        }

        Progress finished(String state, String error) {
            return new Progress(state, index, copied, startedAt, Instant.now(), error);
        }

        boolean running() {
            return RUNNING.equals(state);
        }
    }

    public static final String RUNNING = "running";
    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);

    private final ProductIndex index;
    private final CatalogProducts catalog;
    private final SearchConfig.Rebuild config;
    private final AtomicReference<Progress> progress = new AtomicReference<>();
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "index-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    IndexRebuild(ProductIndex index, CatalogProducts catalog, SearchConfig config) {
        this.index = index;
        this.catalog = catalog;
        this.config = config.rebuild();
    }

    /** Starts a rebuild in the background; 409 while one runs. */
    public synchronized Progress start() {
        Progress current = progress.get();
        if (current != null && current.running()) {
            throw Problem.conflict("a rebuild into " + current.index() + " is running");
        }
        String next = index.startBuilding();
        Progress started = new Progress(RUNNING, next, 0, Instant.now(), null, null);
        progress.set(started);
        runner.execute(() -> rebuild(next));
        return started;
    }

    /** The running or last rebuild of this instance, or null. */
    public Progress progress() {
        return progress.get();
    }

    private void rebuild(String next) {
        try {
            // keyset pages: a product added while the copy runs cannot shift a page, so none is skipped or repeated
            // (it reaches the new index through its event either way)
            String after = null;
            do {
                CatalogProducts.Page products = catalog.page(after, config.pageSize());
                List<ProductIndex.Write> writes = products.items().stream().map(IndexRebuild::write).toList();
                index.copy(next, writes);
                progress.updateAndGet(p -> p.copied(writes.size()));
                after = products.next();
            } while (after != null);
            String old = index.swapTo(next);
            progress.updateAndGet(p -> p.finished("done", null));
            LOG.infof("rebuilt %s: the alias %s moved from %s", next, index.alias(), old);
            runner.schedule(() -> index.drop(old), config.grace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException failed) {
            LOG.errorf(failed, "rebuild into %s failed; search keeps reading the current index", next);
            progress.updateAndGet(p -> p.finished("failed", String.valueOf(failed.getMessage())));
            index.abandon(next);
        }
    }

    private static ProductIndex.Write write(JsonNode product) {
        long version = product.path("version").asLong();
        String id = product.path("id").asText();
        return new ProductIndex.Write(id, version, ProductDocument.of(product, version));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
