package shop.media.upload;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** POST /api/media/uploads: what the client is about to PUT. The type and size are signed into the URL. */
public record NewUpload(
        @NotNull UUID productId,
        @NotBlank String contentType,
        @NotNull @Min(1) Long size) {
}
