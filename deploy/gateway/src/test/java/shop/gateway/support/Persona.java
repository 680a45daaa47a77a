package shop.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.restassured.specification.RequestSpecification;

/**
 * A user of the shop, signed in through the gateway ({@code POST /api/users}, then
 * {@code POST /api/auth/login}), with a client address of their own.
 */
public record Persona(String userId, String token, String address) {

    private static final String ADMIN_EMAIL = "admin@shop.local";
    private static final String ADMIN_PASSWORD = "admin-local-only";

    /** Someone who has not signed in. */
    public static Persona anonymous() {
        return new Persona(null, null, Gateway.newClientAddress());
    }

    /** A newly registered customer, signed in. */
    public static Persona newCustomer() {
        String address = Gateway.newClientAddress();
        String email = Gateway.unique("gw") + "@shop.test";
        String password = "correct-horse-battery";
        Gateway.client(address).body(Map.of("email", email, "name", "Gateway customer", "password", password))
                .post("/api/users").then().statusCode(201);
        return signIn(email, password, address);
    }

    /** The local stack's admin account (created at start-up from configuration). */
    public static Persona admin() {
        return signIn(ADMIN_EMAIL, ADMIN_PASSWORD, Gateway.newClientAddress());
    }

    public static Persona signIn(String email, String password, String address) {
        var login = Gateway.client(address).body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
        assertThat(login.statusCode()).as(Gateway.describe(login)).isEqualTo(200);
        return new Persona(login.path("userId"), login.path("token"), address);
    }

    /** A request as this persona: with its bearer token when signed in. */
    public RequestSpecification request() {
        RequestSpecification request = Gateway.client(address);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
