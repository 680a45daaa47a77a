package shop.catalog.order;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.Authenticated;
import shop.catalog.idempotency.Idempotency;

/** Signed in: one's own orders, or any for an admin (OrderService holds the ownership rules). */
@Path("/api/orders")
@Authenticated
public class OrderResource {

    private final OrderService orders;

    public OrderResource(OrderService orders) {
        this.orders = orders;
    }

    @POST
    @APIResponse(responseCode = "201", description = "The order, PENDING, and the id of its order.placed event (for a repeated Idempotency-Key with the same body, the first answer again)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WrittenOrder.class)))
    @APIResponse(responseCode = "403", description = "Forbidden: an order in another user's name, by a caller who is not an admin")
    @APIResponse(responseCode = "409", description = "Conflict: not enough stock of a product, or a request with this Idempotency-Key is still in progress")
    @APIResponse(responseCode = "422", description = "Unprocessable: an unknown user or product, products of different currencies, or an Idempotency-Key used with another request")
    public Response place(@NotNull @Valid NewOrder body,
            @HeaderParam(Idempotency.HEADER) @Size(min = 1, max = 255) String idempotencyKey) {
        return orders.place(body, idempotencyKey).toResponse();
    }

    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") UUID id) {
        return orders.find(id);
    }

    @POST
    @Path("/{id}/cancel")
    @APIResponse(responseCode = "200", description = "The order, CANCELLED (its stock is back), and the id of its order.cancelled event",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WrittenOrder.class)))
    @APIResponse(responseCode = "422", description = "Unprocessable: the order is not pending")
    public WrittenOrder cancel(@PathParam("id") UUID id) {
        return orders.cancel(id);
    }
}
