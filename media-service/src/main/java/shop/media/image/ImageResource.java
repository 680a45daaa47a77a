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
    public Response upload(@PathParam("productId") UUID productId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long declaredLength, InputStream body) {
        ImageView image = images.upload(productId, type, declaredLength, body);
        return Response.created(URI.create(image.url())).entity(image).build();
    }

    @GET
    @Path("/{key: .+}")
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
