package shop.catalog.product;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import shop.catalog.CatalogConfig;

/**
 * Cache-aside copy of products in Redis, nothing else. Redis is an optimisation: when it fails,
 * reads go to PostgreSQL and the outage is logged once, not per request, until Redis answers again.
 * Only a lost eviction can leave a stale entry behind, so only then is the whole product cache
 * dropped once Redis answers again; a failed read or write (a busy pool, a timeout) drops nothing.
 *
 * <p>An entry is the product's JSON exactly as the API answers it, so a hit is served as those bytes:
 * read with the reactive client on the I/O thread, never parsed, never written again (no worker thread,
 * no Jackson on the hottest path).
 */
@ApplicationScoped
public class ProductCache {

    private static final Logger LOG = Logger.getLogger(ProductCache.class);

    private final RedisDataSource redis;
    private final ValueCommands<String, byte[]> values;
    private final ReactiveValueCommands<String, byte[]> reactiveValues;
    private final ObjectMapper json;
    private final CatalogConfig config;
    private final String prefix;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean evictionLost = new AtomicBoolean();

    public ProductCache(RedisDataSource redis, ReactiveRedisDataSource reactiveRedis, ObjectMapper json,
            CatalogConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class, byte[].class);
        this.reactiveValues = reactiveRedis.value(String.class, byte[].class);
        this.json = json;
        this.config = config;
        this.prefix = config.cache().keyPrefix();
    }

    /**
     * The product's cached JSON; empty on a miss, when Redis fails or is slower than
     * {@code catalog.cache.read-timeout}, and after a lost eviction until the cache has been emptied
     * (what it holds may be stale; the miss path empties it, off the I/O thread). Never fails.
     */
    public Uni<Optional<byte[]>> json(UUID id) {
        if (evictionLost.get()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return reactiveValues.get(prefix + id)
                .ifNoItem().after(config.cache().readTimeout()).fail()
                .map(cached -> {
                    answered();
                    // an eviction lost while this read was in flight may have left this very entry stale
                    return evictionLost.get() ? Optional.<byte[]>empty() : Optional.ofNullable(cached);
                })
                .onFailure().recoverWithItem(failure -> {
                    failed("read", failure);
                    return Optional.empty();
                });
    }

    /** Caches the product and returns the JSON it cached, which the API answers with. Blocking. */
    public byte[] put(ProductView product) {
        byte[] cached = write(product);
        try {
            values.set(prefix + product.id(), cached, new SetArgs().px(config.cache().productTtl()));
            up();
        } catch (Exception failure) {
            failed("write", failure);
        }
        return cached;
    }

    /** After the writing transaction committed: the next read loads the committed row, not the one before. */
    void evict(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged changed) {
        try {
            redis.key(String.class).del(prefix + changed.id());
            up();
        } catch (Exception failure) {
            evictionLost.set(true);
            failed("evict", failure);
        }
    }

    /** Redis answered a blocking call: after a lost eviction, the product keys are dropped now. */
    private void up() {
        answered();
        if (evictionLost.compareAndSet(true, false)) {
            LOG.info("an eviction was lost while Redis failed: the product cache is emptied");
            forgetAll();
        }
    }

    private void answered() {
        if (down.compareAndSet(true, false)) {
            LOG.info("Redis answers again: product reads use the cache again");
        }
    }

    private byte[] write(ProductView product) {
        try {
            return json.writeValueAsBytes(product);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a product is not serialisable", e);
        }
    }

    /**
     * An eviction failed, and Redis keeps its data across a restart: what it holds for products
     * may be stale, so it is dropped (SCAN, not KEYS: Redis stays responsive).
     */
    private void forgetAll() {
        try {
            var keys = redis.key(String.class);
            var cursor = keys.scan(new KeyScanArgs().match(prefix + "*").count(1000));
            while (cursor.hasNext()) {
                var batch = cursor.next();
                if (!batch.isEmpty()) {
                    keys.del(batch.toArray(String[]::new));
                }
            }
        } catch (Exception failure) {
            evictionLost.set(true); // try again at the next success
            failed("empty", failure);
        }
    }

    private void failed(String what, Throwable failure) {
        if (down.compareAndSet(false, true)) {
            LOG.warnf("Redis failed (%s: %s): product reads go to PostgreSQL until it answers again", what,
                    failure.toString());
        }
    }
}
