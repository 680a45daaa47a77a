package shop.session;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the gateway would send them, and the few calls most tests begin with. */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** The contract's one {@code type} scheme: a URI per kind of problem. */
    public static String problemType(String kind) {
        return "https://polyglot-shop.dev/problems/" + kind;
    }

    private Api() {
    }

    public static String newUserId() {
        return UUID.randomUUID().toString();
    }

    /** As the signed-in user, identified by the gateway's headers. */
    public static RequestSpecification as(String userId, String... roles) {
        return given().header("X-User-Id", userId).header("X-User-Roles", String.join(",", roles));
    }

    public static RequestSpecification asAdmin() {
        return as(newUserId(), "customer", "admin");
    }

    public static RequestSpecification anonymous() {
        return given();
    }

    /** Creates a session (the internal call catalog-service makes at login) and returns its token. */
    public static String signIn(String userId, Object... extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("userId", userId));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/sessions")
                .then().statusCode(201)
                .extract().path("token");
    }
}
