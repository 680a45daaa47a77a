package shop.faults.corpus;

import java.util.UUID;

/**
 * What the corpus aims at besides garbage: real ids made before the run (a product, a customer's
 * pending order, the customer, a flag, a board), so that a malformed body reaches the validation of
 * a resource that exists. {@code marker} is in every name the corpus makes up, so anything it
 * created by mistake can be found afterwards.
 */
public record Fixture(String marker, UUID productId, UUID orderId, UUID customerId, String customerToken,
        String flagName, String board) {

    public static Fixture offline(String marker) {
        UUID zero = new UUID(0, 1);
        return new Fixture(marker, zero, zero, zero, "x".repeat(43), "faults-flag", "faults-board");
    }
}
