package shop.session.session;

import java.util.Arrays;
import java.util.List;

/** Roles travel and rest as one comma-separated string, as in the gateway's {@code X-User-Roles}. */
final class Roles {

    private Roles() {
    }

    static String join(List<String> roles) {
        return roles == null ? "" : String.join(",", roles.stream().distinct().toList());
    }

    static List<String> parse(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).filter(r -> !r.isBlank()).toList();
    }
}
