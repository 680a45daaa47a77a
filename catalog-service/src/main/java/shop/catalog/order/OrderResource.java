package shop.catalog.order;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import shop.catalog.access.Caller;
import shop.catalog.access.SignedIn;
import shop.catalog.idempotency.Idempotency;

@Path("/api/orders")
@SignedIn
public class OrderResource {

    private final OrderService orders;

    public OrderResource(OrderService orders) {
        this.orders = orders;
    }

    @POST
    public Response place(@NotNull @Valid NewOrder body, @BeanParam Caller caller,
            @HeaderParam(Idempotency.HEADER) @Size(min = 1, max = 255) String idempotencyKey) {
        return orders.place(caller, body, idempotencyKey).toResponse();
    }

    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") UUID id, @BeanParam Caller caller) {
        return orders.find(caller, id);
    }

    @POST
    @Path("/{id}/cancel")
    public OrderView cancel(@PathParam("id") UUID id, @BeanParam Caller caller) {
        return orders.cancel(caller, id);
    }
}
