package shop.session.session;

import java.util.List;

/** Who a bearer token signs in: what introspection hands the gateway. */
public record Identity(String userId, List<String> roles) {
}
