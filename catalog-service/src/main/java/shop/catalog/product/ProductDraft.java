package shop.catalog.product;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of POST and PUT /api/products: the whole product (PUT replaces it). */
public record ProductDraft(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, . _ - only") String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) String description,
        @Size(max = 100) String brand,
        @NotNull @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as USD") String currency,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        @NotNull @Min(0) @Max(1_000_000_000) Integer stock) {
}
