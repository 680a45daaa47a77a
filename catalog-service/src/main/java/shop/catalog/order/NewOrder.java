package shop.catalog.order;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/orders. */
public record NewOrder(@NotNull UUID userId, @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> items) {

    public record Line(@NotNull UUID productId, @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }
}
