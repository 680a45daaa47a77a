package shop.media.upload;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import shop.kit.identity.Roles;
import shop.media.image.ImageView;

/** Shares its root with ImageResource: JAX-RS picks a resource class by its path first, and
 * {@code /api/media/{key}} must still see keys under {@code uploads/} (to refuse them with 400). */
@Path("/api/media")
public class UploadResource {

    private final UploadService uploads;

    public UploadResource(UploadService uploads) {
        this.uploads = uploads;
    }

    @POST
    @Path("/uploads")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "A presigned PUT URL for the bytes, and the upload to complete",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadTicket.class)))
    public Response start(@NotNull @Valid NewUpload body) {
        return Response.status(201).entity(uploads.start(body)).build();
    }

    @POST
    @Path("/uploads/{id}/complete")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The image, referenced by its product; Location is its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImageView.class)))
    @APIResponse(responseCode = "409", description = "Conflict: the upload is completed already")
    @APIResponse(responseCode = "422", description = "Unprocessable: no bytes arrived yet, they arrived after the URL expired, or their size is not the one announced")
    public Response complete(@PathParam("id") UUID id) {
        ImageView image = uploads.complete(id);
        return Response.created(java.net.URI.create(image.url())).entity(image).build();
    }
}
