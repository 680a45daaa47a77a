package shop.session.flag;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/flags/{name}}. */
public record FlagDefinition(
        @NotNull Boolean enabled,
        @NotNull @Min(0) @Max(100) Integer rolloutPercent,
        @Size(max = 1000) List<@NotNull UUID> users) {
}
