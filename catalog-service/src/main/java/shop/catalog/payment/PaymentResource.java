package shop.catalog.payment;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import shop.catalog.idempotency.Idempotency;

@Path("/api/orders/{id}/payments")
@Authenticated
public class PaymentResource {

    private final PaymentService payments;

    public PaymentResource(PaymentService payments) {
        this.payments = payments;
    }

    @POST
    public Response pay(@PathParam("id") UUID orderId, @NotNull @Valid NewPayment body,
            @HeaderParam(Idempotency.HEADER) @Size(min = 1, max = 255) String idempotencyKey) {
        return payments.pay(orderId, body, idempotencyKey).toResponse();
    }
}
