package shop.catalog.order;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;

/** A user's orders; its own class because JAX-RS matches /api/users/... to one resource class. */
@Path("/api/users/{id}/orders")
@Authenticated
public class UserOrdersResource {

    private final OrderService orders;

    public UserOrdersResource(OrderService orders) {
        this.orders = orders;
    }

    @GET
    public List<OrderView> ofUser(@PathParam("id") UUID userId) {
        return orders.ofUser(userId);
    }
}
