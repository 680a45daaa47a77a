package shop.catalog.product;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import shop.catalog.outbox.Outbox;
import shop.kit.problem.Problem;

/** Product writes (each with its outbox event, in one transaction) and cached reads. */
@ApplicationScoped
public class ProductService {

    /** A product's JSON as the API answers it, and whether it came from the cache. */
    public record Cached(byte[] json, boolean hit) {
    }

    public record Page(List<ProductView> items, int page, int size, long total) {
    }

    private final Outbox outbox;
    private final ProductCache cache;
    private final Event<ProductChanged> changed;

    public ProductService(Outbox outbox, ProductCache cache, Event<ProductChanged> changed) {
        this.outbox = outbox;
        this.cache = cache;
        this.changed = changed;
    }

    @Transactional
    public ProductView create(ProductDraft draft) {
        if (Product.count("sku", draft.sku()) > 0) {
            throw Problem.conflict("a product with this sku exists");
        }
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.version = 1;
        product.createdAt = now();
        apply(product, draft);
        // the unique sku constraint settles a race between two creates (409)
        product.persistAndFlush();
        return published(product, "product.created");
    }

    /**
     * Cache-aside: a hit completes on the I/O thread that asked Redis; a miss reads PostgreSQL on a
     * worker thread (JDBC blocks) and caches what it read.
     */
    public Uni<Cached> find(UUID id) {
        return cache.json(id).flatMap(cached -> cached.isPresent()
                ? Uni.createFrom().item(new Cached(cached.get(), true))
                : Uni.createFrom().item(() -> loaded(id)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** A cache miss: the row from PostgreSQL, cached. Its own request context: it runs off the request's thread. */
    @ActivateRequestContext
    Cached loaded(UUID id) {
        return new Cached(cache.put(ProductView.of(existing(id))), false);
    }

    public Page page(int page, int size) {
        var query = Product.<Product>find("order by createdAt desc, id desc");
        List<ProductView> items = query.page(page, size).list().stream().map(ProductView::of).toList();
        return new Page(items, page, size, query.count());
    }

    /** Replaces the product; with {@code expectedVersion}, only if nobody wrote it since (else 412). */
    @Transactional
    public ProductView update(UUID id, ProductDraft draft, Long expectedVersion) {
        Product product = existing(id);
        if (expectedVersion != null && expectedVersion != product.version) {
            throw Problem.stale("version " + product.version + " is current, not " + expectedVersion);
        }
        if (!draft.sku().equals(product.sku) && Product.count("sku", draft.sku()) > 0) {
            throw Problem.conflict("a product with this sku exists");
        }
        apply(product, draft);
        // UPDATE ... WHERE id = ? AND version = ?: a concurrent write makes this one fail (412)
        Product.flush();
        return published(product, "product.updated");
    }

    @Transactional
    public void delete(UUID id) {
        Product product = existing(id);
        long version = product.version + 1;
        product.delete();
        Product.flush();
        changed.fire(new ProductChanged(id));
        outbox.publish("product", id, "product.deleted", version,
                Map.of("id", id, "sku", product.sku, "version", version));
    }

    /**
     * Marks a product written through something that belongs to it (an image reference):
     * version + 1 and a product.updated event. Inside the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touched(Product product) {
        product.updatedAt = now();
        Product.flush();
        published(product, "product.updated");
    }

    /** Publishes a product whose stock an order's SQL changed (version + 1 there). In the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stockChanged(Product product) {
        published(product, "product.updated");
    }

    public Product existing(UUID id) {
        return Product.<Product>findByIdOptional(id).orElseThrow(() -> Problem.notFound("product not found"));
    }

    private ProductView published(Product product, String type) {
        ProductView view = ProductView.of(product);
        changed.fire(new ProductChanged(product.id));
        outbox.publish("product", product.id, type, product.version, view);
        return view;
    }

    private static void apply(Product product, ProductDraft draft) {
        product.sku = draft.sku();
        product.name = draft.name().strip();
        product.description = draft.description() == null ? "" : draft.description();
        product.brand = draft.brand() == null ? "" : draft.brand().strip();
        product.price = draft.price().setScale(2);
        product.currency = draft.currency() == null ? "USD" : draft.currency();
        product.tags = draft.tags() == null ? List.of() : List.copyOf(draft.tags());
        product.stock = draft.stock();
        product.updatedAt = now();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
