package shop.search.catalog;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * catalog-service's internal product export ({@code /internal/products}, keyset-paged by id);
 * package-private: only {@link CatalogProducts} calls it, with its guards.
 */
@Path("/internal/products")
@RegisterRestClient(configKey = "catalog-service")
interface CatalogApi {

    /** Products in id order, each as catalog shows it (with its version); {@code next} null on the last page. */
    record Page(List<JsonNode> items, String next) {
    }

    record Lookup(List<String> ids) {
    }

    @GET
    Page page(@QueryParam("after") String after, @QueryParam("limit") int limit);

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    Page lookup(Lookup ids);
}
