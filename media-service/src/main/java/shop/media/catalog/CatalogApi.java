package shop.media.catalog;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's HTTP API; package-private: only {@link Catalog} calls it, with its guards. */
@Path("/api/products/{productId}")
@RegisterRestClient(configKey = "catalog-service")
interface CatalogApi {

    /** What POST /api/products/{id}/images takes. */
    record NewImage(String key, String contentType, long size, String sha256) {
    }

    /** Only the fields media-service reads; the product's other fields are catalog's business. */
    record Product(UUID id) {
    }

    @GET
    Product product(@PathParam("productId") UUID productId);

    @GET
    @Path("/images")
    List<ImageReference> images(@PathParam("productId") UUID productId);

    @POST
    @Path("/images")
    ImageReference register(@PathParam("productId") UUID productId, NewImage image,
            @HeaderParam("X-User-Id") String userId, @HeaderParam("X-User-Roles") String roles);

    @DELETE
    @Path("/images/{imageId}")
    void unregister(@PathParam("productId") UUID productId, @PathParam("imageId") UUID imageId,
            @HeaderParam("X-User-Id") String userId, @HeaderParam("X-User-Roles") String roles);
}
