package shop.catalog.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

import shop.catalog.CatalogConfig;

/** bcrypt, salted, cost from {@code catalog.passwords.bcrypt-cost} (at least 10). */
@ApplicationScoped
public class Passwords {

    private final int cost;
    // checked against when the email is unknown, so that answer takes as long as a wrong password
    private final String dummyHash;

    public Passwords(CatalogConfig config) {
        this.cost = Math.max(10, config.passwords().bcryptCost());
        this.dummyHash = BcryptUtil.bcryptHash("not-anyone's-password", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time of a real check, for an unknown email. */
    public void matchNobody(String password) {
        BcryptUtil.matches(password, dummyHash);
    }
}
