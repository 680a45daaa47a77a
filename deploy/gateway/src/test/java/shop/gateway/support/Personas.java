package shop.gateway.support;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The cast of a route test: anonymous, a customer, another customer and the admin, each signed
 * in through the gateway once per test class (with its own client address, so they never share
 * a rate budget).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class Personas {

    protected Persona anonymous;
    protected Persona customer;
    protected Persona otherCustomer;
    protected Persona admin;

    @BeforeAll
    void signIn() {
        anonymous = Persona.anonymous();
        customer = Persona.newCustomer();
        otherCustomer = Persona.newCustomer();
        admin = Persona.admin();
    }
}
