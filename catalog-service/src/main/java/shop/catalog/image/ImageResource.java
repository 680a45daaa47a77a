package shop.catalog.image;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import shop.kit.identity.Roles;
import shop.kit.openapi.ApiDocs;

@Path("/api/products/{id}/images")
public class ImageResource {

    private final ImageService images;

    public ImageResource(ImageService images) {
        this.images = images;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The image reference; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImageView.class)))
    @APIResponse(responseCode = "409", description = "Conflict: an image with this key exists")
    public Response add(@PathParam("id") UUID productId, @NotNull @Valid NewImage body) {
        ImageView image = images.add(productId, body);
        return Response.created(URI.create("/api/products/" + productId + "/images/" + image.id())).entity(image).build();
    }

    @GET
    public List<ImageView> list(@PathParam("id") UUID productId) {
        return images.of(productId);
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "The image reference is gone")
    // media-service calls it when an image is deleted; the gateway does not route it (routes.tsv)
    @Extension(name = ApiDocs.INTERNAL, value = "true", parseValue = true)
    @Path("/{imageId}")
    @RolesAllowed(Roles.ADMIN)
    public Response remove(@PathParam("id") UUID productId, @PathParam("imageId") UUID imageId) {
        images.remove(productId, imageId);
        return Response.noContent().build();
    }
}
