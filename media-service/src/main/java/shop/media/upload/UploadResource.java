package shop.media.upload;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

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
    public Response start(@NotNull @Valid NewUpload body) {
        return Response.status(201).entity(uploads.start(body)).build();
    }

    @POST
    @Path("/uploads/{id}/complete")
    @RolesAllowed(Roles.ADMIN)
    public Response complete(@PathParam("id") UUID id) {
        ImageView image = uploads.complete(id);
        return Response.created(java.net.URI.create(image.url())).entity(image).build();
    }
}
