package shop.feed.drift;

import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The source of truth the feeds are checked against: the order events catalog-service's orders imply
 * ({@code /internal/orders/events}), page by page in (buyer, order) order. Reading is idempotent, so
 * a failure is retried a few times; past that the check stops and says why.
 */
@ApplicationScoped
public class CatalogOrders {

    /** An order's buyer and id, and the event envelopes it implies. */
    public record Implied(String userId, String orderId, List<JsonNode> events) {
    }

    public record Page(List<Implied> items, String next) {
    }

    public record Lookup(List<String> ids) {
    }

    private final CatalogOrdersApi api;

    CatalogOrders(@RestClient CatalogOrdersApi api) {
        this.api = api;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 500, jitter = 200)
    public Page page(String after, String since, int size) {
        return api.page(after, since, size);
    }

    /** The events these orders (at most 1,000) imply; an order catalog does not have is left out. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 500, jitter = 200)
    public List<Implied> lookup(List<String> orderIds) {
        return orderIds.isEmpty() ? List.of() : api.lookup(new Lookup(orderIds)).items();
    }
}
