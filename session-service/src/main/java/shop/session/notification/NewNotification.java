package shop.session.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/notifications/{userId}}. */
public record NewNotification(@NotBlank @Size(max = 2000) String message) {
}
