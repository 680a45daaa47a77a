package shop.catalog.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/auth/login. */
public record Credentials(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 72) String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
