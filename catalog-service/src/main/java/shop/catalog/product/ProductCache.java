package shop.catalog.product;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
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
 */
@ApplicationScoped
public class ProductCache {

    private static final Logger LOG = Logger.getLogger(ProductCache.class);
    private static final String PREFIX = "catalog:product:";

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final ObjectMapper json;
    private final CatalogConfig config;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean evictionLost = new AtomicBoolean();

    public ProductCache(RedisDataSource redis, ObjectMapper json, CatalogConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class, String.class);
        this.json = json;
        this.config = config;
    }

    public Optional<ProductView> get(UUID id) {
        try {
            String cached = values.get(PREFIX + id);
            if (up() || cached == null) {
                return Optional.empty(); // just emptied: what it held may have been stale
            }
            return Optional.of(json.readValue(cached, ProductView.class));
        } catch (Exception failure) {
            failed("read", failure);
            return Optional.empty();
        }
    }

    public void put(ProductView product) {
        try {
            values.set(PREFIX + product.id(), json.writeValueAsString(product),
                    new SetArgs().px(config.cache().productTtl()));
            up();
        } catch (Exception failure) {
            failed("write", failure);
        }
    }

    /** After the writing transaction committed: the next read loads the committed row, not the one before. */
    void evict(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged changed) {
        try {
            redis.key(String.class).del(PREFIX + changed.id());
            up();
        } catch (Exception failure) {
            evictionLost.set(true);
            failed("evict", failure);
        }
    }

    /** True when the product keys were just dropped: Redis answers again after an eviction was lost. */
    private boolean up() {
        if (down.compareAndSet(true, false)) {
            LOG.info("Redis answers again: product reads use the cache again");
        }
        if (evictionLost.compareAndSet(true, false)) {
            LOG.info("an eviction was lost while Redis failed: the product cache is emptied");
            forgetAll();
            return true;
        }
        return false;
    }

    /**
     * An eviction failed, and Redis keeps its data across a restart: what it holds for products
     * may be stale, so it is dropped (SCAN, not KEYS: Redis stays responsive).
     */
    private void forgetAll() {
        try {
            var keys = redis.key(String.class);
            var cursor = keys.scan(new KeyScanArgs().match(PREFIX + "*").count(1000));
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

    private void failed(String what, Exception failure) {
        if (down.compareAndSet(false, true)) {
            LOG.warnf("Redis failed (%s: %s): product reads go to PostgreSQL until it answers again", what,
                    failure.toString());
        }
    }
}
