package shop.catalog.product;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every product, for the derived views that rebuild or check themselves against the source of
 * truth (search-service's rebuild and drift check). Internal: the gateway does not route
 * {@code /internal}, and in Kubernetes only the services reach catalog-service.
 *
 * <p>Keyset paging by id: a page starts after the last id of the one before, so products created or
 * deleted while a reader pages through neither shift the pages nor make it skip or repeat a row
 * (offset paging, {@code GET /api/products?page=}, does both). A product created during the read
 * appears if its id sorts after the reader's position, which the reader's own checks allow for.
 */
@Path("/internal/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductExport {

    /** Products in id order; {@code next} is the {@code after} of the following page, null on the last. */
    public record Page(List<ProductView> items, UUID next) {
    }

    /** The products of these ids that exist (in id order); an id unknown to catalog is left out. */
    public record Lookup(@NotNull @Size(max = MAX) List<@NotNull UUID> ids) {
    }

    static final int MAX = 1000;

    @GET
    @Operation(summary = "Products in id order, after the given id (internal)")
    public Page page(@QueryParam("after") UUID after,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(MAX) Integer limit) {
        List<Product> rows = after == null
                ? Product.<Product>find("order by id").page(0, limit).list()
                : Product.<Product>find("id > ?1 order by id", after).page(0, limit).list();
        UUID next = rows.size() < limit ? null : rows.get(rows.size() - 1).id;
        return new Page(rows.stream().map(ProductView::of).toList(), next);
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The products of the given ids, at most 1,000 (internal)")
    public Page lookup(@NotNull @Valid Lookup request) {
        List<ProductView> found = request.ids().isEmpty() ? List.of()
                : Product.<Product>find("id in ?1 order by id", request.ids()).list().stream().map(ProductView::of)
                        .toList();
        return new Page(found, null);
    }
}
