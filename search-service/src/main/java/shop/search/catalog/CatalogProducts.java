package shop.search.catalog;

import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The source of truth the index is rebuilt from and checked against: catalog-service's products,
 * in id order, page by page. Reading is idempotent, so a failure is retried a few times; past that
 * the caller stops and says why.
 */
@ApplicationScoped
public class CatalogProducts {

    /** Products in id order; {@code next} is where the following page starts, null after the last. */
    public record Page(List<JsonNode> items, String next) {
    }

    private final CatalogApi api;

    CatalogProducts(@RestClient CatalogApi api) {
        this.api = api;
    }

    /** The page after {@code after} (null: the first page). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 500, jitter = 200)
    public Page page(String after, int size) {
        CatalogApi.Page page = api.page(after, size);
        return new Page(page.items(), page.next());
    }

    /** The products of these ids (at most 1,000) that catalog holds. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 500, jitter = 200)
    public List<JsonNode> lookup(List<String> ids) {
        return ids.isEmpty() ? List.of() : api.lookup(new CatalogApi.Lookup(ids)).items();
    }
}
