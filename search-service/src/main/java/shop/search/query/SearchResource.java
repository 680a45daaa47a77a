package shop.search.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import shop.kit.problem.Problem;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int MAX_WAIT_MS = 5_000;

    private final ProductSearch search;

    public SearchResource(ProductSearch search) {
        this.search = search;
    }

    @GET
    public SearchAnswer search(@QueryParam("q") String q, @QueryParam("brand") String brand,
            @QueryParam("tag") String tag, @QueryParam("minPrice") BigDecimal minPrice,
            @QueryParam("maxPrice") BigDecimal maxPrice, @QueryParam("sort") SearchQuery.Sort sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return search.search(q, brand, tag, minPrice, maxPrice, sort, page, size);
    }

    @GET
    @Path("/suggest")
    public Map<String, List<String>> suggest(@QueryParam("prefix") String prefix) {
        return search.suggest(prefix);
    }

    /**
     * Which version of the product the index holds. With {@code minVersion}: read your own writes, the
     * answer comes as soon as the index holds it, or after {@code waitMs} (default 0, at most 5,000)
     * with what it holds and {@code stale: true}.
     */
    @GET
    @Path("/products/{id}")
    public Uni<ProductSearch.IndexedVersion> indexedVersion(@PathParam("id") UUID id,
            @QueryParam("minVersion") Long minVersion, @QueryParam("waitMs") Integer waitMs) {
        if (waitMs != null && (waitMs < 0 || waitMs > MAX_WAIT_MS)) {
            throw Problem.invalid("waitMs", "must be from 0 to " + MAX_WAIT_MS);
        }
        if (minVersion == null) {
            if (waitMs != null) {
                throw Problem.invalid("minVersion", "is needed with waitMs: the version to wait for");
            }
            return Uni.createFrom().item(() -> search.indexedVersion(id)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        if (minVersion < 1) {
            throw Problem.invalid("minVersion", "must be a version, from 1");
        }
        return search.indexedVersion(id, minVersion, waitMs == null ? 0 : waitMs);
    }
}
