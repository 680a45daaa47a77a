package shop.feed.drift;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's internal order-event export; package-private: only {@link CatalogOrders} calls it, with its guards. */
@Path("/internal/orders/events")
@RegisterRestClient(configKey = "catalog-service")
interface CatalogOrdersApi {

    @GET
    CatalogOrders.Page page(@QueryParam("after") String after, @QueryParam("since") String since,
            @QueryParam("limit") int limit);

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    CatalogOrders.Page lookup(CatalogOrders.Lookup ids);
}
