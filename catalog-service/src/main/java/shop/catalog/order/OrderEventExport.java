package shop.catalog.order;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import shop.catalog.payment.Payment;
import shop.catalog.payment.PaymentView;
import shop.kit.problem.Problem;

/**
 * The order events the source of truth implies, for feed-service's drift check: every order
 * placed since {@code since} (default: the feed's 90 days), with the events it implies
 * ({@link OrderEvents}). Internal: the gateway does not route {@code /internal}.
 *
 * <p>Keyset pages in (buyer, order id) order, so one buyer's orders come together and orders placed
 * while a reader pages through never make it skip or repeat one; {@code next} is the following
 * page's {@code after} ({@code <userId>/<orderId>}), null on the last page.
 */
@Path("/internal/orders/events")
@Produces(MediaType.APPLICATION_JSON)
public class OrderEventExport {

    /** An order's buyer, id and the envelopes of the events it implies, oldest first. */
    public record Implied(UUID userId, UUID orderId, List<Map<String, Object>> events) {
    }

    public record Page(List<Implied> items, String next) {
    }

    public record Lookup(@NotNull @Size(max = 1000) List<@NotNull UUID> ids) {
    }

    private static final Duration WINDOW = Duration.ofDays(90);

    @GET
    @Operation(summary = "Orders in (buyer, id) order with the events each implies (internal)")
    public Page page(@QueryParam("after") String after, @QueryParam("since") String since,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(1000) Integer limit) {
        Instant from;
        try {
            from = since == null || since.isBlank() ? Instant.now().minus(WINDOW) : Instant.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.invalid("since", "must be an ISO-8601 instant such as 2026-09-01T00:00:00Z");
        }
        List<Order> orders;
        if (after == null || after.isBlank()) {
            orders = Order.<Order>find("createdAt >= ?1 order by userId, id", from).page(0, limit).list();
        } else {
            String[] position = after.split("/", 2);
            UUID user;
            UUID order;
            try {
                user = UUID.fromString(position[0]);
                order = UUID.fromString(position.length > 1 ? position[1] : "");
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("after", "must be <userId>/<orderId>, as a page's next says");
            }
            orders = Order.<Order>find("createdAt >= ?1 and (userId > ?2 or (userId = ?2 and id > ?3)) order by userId, id",
                    from, user, order).page(0, limit).list();
        }
        String next = orders.size() < limit ? null
                : orders.get(orders.size() - 1).userId + "/" + orders.get(orders.size() - 1).id;
        return new Page(implied(orders), next);
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The events the given orders imply, at most 1,000 orders (internal)")
    public Page lookup(@NotNull @Valid Lookup request) {
        List<Order> orders = request.ids().isEmpty() ? List.of()
                : Order.<Order>find("id in ?1 order by userId, id", request.ids()).list();
        return new Page(implied(orders), null);
    }

    private static List<Implied> implied(List<Order> orders) {
        Map<UUID, PaymentView> payments = new HashMap<>();
        if (!orders.isEmpty()) {
            Payment.<Payment>find("orderId in ?1 and status = ?2", orders.stream().map(o -> o.id).toList(),
                    Payment.SUCCEEDED).list().forEach(p -> payments.put(p.orderId, PaymentView.of(p)));
        }
        return orders.stream()
                .map(o -> new Implied(o.userId, o.id, OrderEvents.implied(o, payments.get(o.id))))
                .toList();
    }
}
