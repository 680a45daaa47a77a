package shop.kit.identity;

/** The roles the gateway passes on in {@code X-User-Roles}. */
public final class Roles {

    /** May write products, images, flags and leaderboards, read reports, and act for any user. */
    public static final String ADMIN = "admin";
    public static final String CUSTOMER = "customer";

    private Roles() {
    }
}
