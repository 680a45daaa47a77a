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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "201", description = "The payment, and the id of the order.paid event it published; the order is PAID (for a repeated Idempotency-Key with the same body, the first answer again)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WrittenPayment.class)))
    @APIResponse(responseCode = "409", description = "Conflict: a request with this Idempotency-Key is still in progress")
    @APIResponse(responseCode = "422", description = "Unprocessable: the amount is not the order's total, the order is not pending, or an Idempotency-Key used with another request")
    public Response pay(@PathParam("id") UUID orderId, @NotNull @Valid NewPayment body,
            @HeaderParam(Idempotency.HEADER) @Size(min = 1, max = 255) String idempotencyKey) {
        return payments.pay(orderId, body, idempotencyKey).toResponse();
    }
}
