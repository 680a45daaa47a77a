package shop.catalog.user;

import java.time.Instant;
import java.util.UUID;

/** A user as the API and the user.registered event show it: never the password hash. */
public record UserView(UUID id, String email, String name, String role, Instant createdAt) {

    static UserView of(User user) {
        return new UserView(user.id, user.email, user.name, user.role, user.createdAt);
    }
}
