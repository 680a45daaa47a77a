package shop.catalog.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/users. bcrypt reads at most 72 bytes, hence the upper bound. */
public record Registration(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(min = 8, max = 72) String password) {

    @Override
    public String toString() {
        return "Registration[email=" + email + ", name=" + name + "]";
    }
}
