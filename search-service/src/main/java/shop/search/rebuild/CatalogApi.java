package shop.search.rebuild;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's product listing; package-private: only {@link CatalogProducts} calls it, with its guards. */
@Path("/api/products")
@RegisterRestClient(configKey = "catalog-service")
interface CatalogApi {

    /** A page of products, newest first, each as catalog shows it (with its version). */
    record Page(List<JsonNode> items, int page, int size, long total) {
    }

    @GET
    Page page(@QueryParam("page") int page, @QueryParam("size") int size);
}
