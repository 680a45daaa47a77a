package shop.faults.authz;

import shop.faults.route.Route;

/**
 * What the contract gives one persona on one route ("Gateway and who may do what", and the
 * route table's access column): let through to a 2xx, or refused with a given status.
 */
public enum Expectation {
    /** Allowed: the service does it (any 2xx, the actual status is in the table). */
    ALLOWED("2xx"),
    /** No valid token where one is needed, or an invalid token anywhere (the gateway). */
    UNAUTHORIZED("401"),
    /** Signed in without the admin role on an admin route (the gateway); acting for another user (catalog). */
    FORBIDDEN("403"),
    /** Another user's thing: its existence is not disclosed (the service). */
    NOT_FOUND("404"),
    /** Not routed: internal to the suite (the gateway). */
    NOT_ROUTED("404 not-routed");

    public final String shown;

    Expectation(String shown) {
        this.shown = shown;
    }

    public boolean accepts(int status) {
        return switch (this) {
            case ALLOWED -> status >= 200 && status < 300;
            case UNAUTHORIZED -> status == 401;
            case FORBIDDEN -> status == 403;
            case NOT_FOUND, NOT_ROUTED -> status == 404;
        };
    }

    /** How a route relates to the persona called "customer": the owner of what it names. */
    public enum Ownership {
        /** The path names the customer's thing (their user, order, session, feed, notifications). */
        OWNED,
        /** The body names the customer (an order placed in their name). */
        ACTS_FOR,
        /** Nobody's in particular. */
        NONE
    }

    /** The table: derived from the route's access and ownership, never from what the suite answers. */
    public static Expectation of(Route route, Ownership ownership, Persona persona) {
        if (route.access() == Route.Access.INTERNAL) {
            return NOT_ROUTED;
        }
        if (persona == Persona.EXPIRED || persona == Persona.FORGED) {
            return UNAUTHORIZED;
        }
        return switch (route.access()) {
            case PUBLIC -> ALLOWED;
            case SIGNED_IN -> switch (persona) {
                case ANONYMOUS -> UNAUTHORIZED;
                case OTHER_CUSTOMER -> ownership == Ownership.OWNED ? NOT_FOUND
                        : ownership == Ownership.ACTS_FOR ? FORBIDDEN : ALLOWED;
                default -> ALLOWED;
            };
            case ADMIN -> switch (persona) {
                case ANONYMOUS -> UNAUTHORIZED;
                case CUSTOMER, OTHER_CUSTOMER -> FORBIDDEN;
                default -> ALLOWED;
            };
            default -> throw new IllegalStateException(route.toString());
        };
    }

    public enum Persona {
        ANONYMOUS("anonymous"), CUSTOMER("customer"), OTHER_CUSTOMER("another customer"), ADMIN("admin"),
        EXPIRED("expired token"), FORGED("forged token");

        public final String shown;

        Persona(String shown) {
            this.shown = shown;
        }
    }
}
