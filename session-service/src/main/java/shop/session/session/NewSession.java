package shop.session.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/sessions}. */
public record NewSession(
        @NotNull UUID userId,
        @Size(max = 16) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}",
                message = "must be lower-case letters, digits, '_' or '-', at most 32") String> roles,
        @Min(1) @Max(MAX_TTL_SECONDS) Long ttlSeconds,
        @Size(max = 32) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 1024) String> data) {

    /** 30 days. */
    public static final long MAX_TTL_SECONDS = 30L * 24 * 3600;
}
