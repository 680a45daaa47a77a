package shop.catalog.product;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import shop.kit.identity.Roles;

@Path("/api/products")
public class ProductResource {

    /** The cached bytes are UTF-8 JSON, answered as they are. */
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ProductService products;

    public ProductResource(ProductService products) {
        this.products = products;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The product, version 1; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "Conflict: a product with this sku exists")
    public Response create(@NotNull @Valid ProductDraft body) {
        ProductView product = products.create(body);
        return Response.created(URI.create("/api/products/" + product.id())).entity(product).build();
    }

    /** Non-blocking: a cache hit never leaves the I/O thread (see ProductService.find). */
    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return products.find(id).map(found -> Response.ok(found.json(), JSON)
                .header("X-Cache", found.hit() ? "HIT" : "MISS").build());
    }

    @GET
    public ProductService.Page list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) Integer page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) Integer size) {
        return products.page(page, size);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The product, version + 1 (ETag: the version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "Conflict: another product has this sku")
    @APIResponse(responseCode = "412", description = "Precondition failed: If-Match names a version that is no longer current")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid ProductDraft body,
            @HeaderParam(HttpHeaders.IF_MATCH) @Pattern(regexp = "(W/)?\"?[0-9]{1,18}\"?", message = "a version such as \"3\"") String ifMatch) {
        ProductView product = products.update(id, body, ifMatch == null ? null : Long.valueOf(ifMatch.replaceAll("[^0-9]", "")));
        return Response.ok(product).tag(String.valueOf(product.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "The product is gone")
    public Response delete(@PathParam("id") UUID id) {
        products.delete(id);
        return Response.noContent().build();
    }
}
