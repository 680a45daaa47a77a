package shop.search.rebuild;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The source of truth a rebuild reads: catalog-service's products, page by page. Reading is
 * idempotent, so any failure is retried a few times; past that the rebuild stops and says why.
 */
@ApplicationScoped
public class CatalogProducts {

    private final CatalogApi api;

    CatalogProducts(@RestClient CatalogApi api) {
        this.api = api;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 500, jitter = 200)
    public CatalogApi.Page page(int page, int size) {
        return api.page(page, size);
    }
}
