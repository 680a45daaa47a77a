package shop.search.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

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

    @GET
    @Path("/products/{id}")
    public ProductSearch.IndexedVersion indexedVersion(@PathParam("id") UUID id) {
        return search.indexedVersion(id);
    }
}
