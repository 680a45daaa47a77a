package shop.catalog.image;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST /api/products/{id}/images, sent by media-service once the bytes are in S3. */
public record NewImage(
        @NotBlank @Size(max = 512) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_.-]*", message = "an object key of letters, digits and / _ . -") String key,
        @NotNull @Pattern(regexp = "image/(jpeg|png|webp)", message = "image/jpeg, image/png or image/webp") String contentType,
        @NotNull @Min(1) @Max(1L << 40) Long size,
        @Pattern(regexp = "[0-9a-f]{64}", message = "64 lowercase hex digits") String sha256) {
}
