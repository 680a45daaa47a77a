package shop.media.image;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import shop.kit.identity.Roles;


@Path("/api/media")
public class ImageResource {

    private final ImageService images;

    public ImageResource(ImageService images) {
        this.images = images;
    }

    /** The body is taken as a stream (a blocking endpoint): it is checked and spooled as it arrives. */
    @POST
    @Path("/products/{productId}/images")
    @RolesAllowed(Roles.ADMIN)
    @Consumes("*/*")
    @APIResponse(responseCode = "201", description = "The image, stored in S3 and referenced by its product; Location is its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImageView.class)))
    public Response upload(@PathParam("productId") UUID productId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long declaredLength, InputStream body) {
        ImageView image = images.upload(productId, type, declaredLength, body);
        return Response.created(URI.create(image.url())).entity(image).build();
    }

    @GET
    @Path("/{key: .+}")
    @APIResponse(responseCode = "200", description = "The image's bytes (ETag, Cache-Control: immutable)", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "206", description = "The range of bytes the Range header asked for")
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @APIResponse(responseCode = "416", description = "Range not satisfiable: the range lies outside the image")
    public Response read(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam("Range") String range) {
        ImageStore.Read read = images.read(key, ifNoneMatch, range);
        if (read instanceof ImageStore.NotModified unchanged) {
            return Response.notModified().header(HttpHeaders.ETAG, unchanged.eTag())
                    .header(HttpHeaders.CACHE_CONTROL, ImageStore.CACHE_CONTROL).build();
        }
        return streamed(((ImageStore.Found) read).object());
    }

    @DELETE
    @Path("/{key: .+}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "The object and its reference are gone")
    public Response delete(@PathParam("key") String key) {
        images.delete(key);
        return Response.noContent().build();
    }

    private static Response streamed(ImageStore.Opened object) {
        Response.ResponseBuilder response = Response.status(object.contentRange() == null ? 200 : 206)
                .entity(object.body())
                .type(object.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, object.contentLength())
                .header(HttpHeaders.ETAG, object.eTag())
                .header(HttpHeaders.CACHE_CONTROL, object.cacheControl())
                .header("Accept-Ranges", "bytes");
        if (object.contentRange() != null) {
            response.header("Content-Range", object.contentRange());
        }
        return response.build();
    }
}
