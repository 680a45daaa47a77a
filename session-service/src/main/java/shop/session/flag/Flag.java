package shop.session.flag;

import java.time.Instant;
import java.util.Set;

/** A feature flag as stored ({@code session:flag:<name>}, JSON) and shown. */
public record Flag(String name, boolean enabled, int rolloutPercent, Set<String> users, Instant updatedAt) {

    public boolean isOnFor(String userId) {
        return Rollout.isOn(enabled, rolloutPercent, users, name, userId);
    }
}
