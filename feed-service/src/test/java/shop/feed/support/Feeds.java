package shop.feed.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the gateway passes them on to feed-service. */
public final class Feeds {

    private Feeds() {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(UUID userId) {
        return anonymous().header("X-User-Id", userId.toString()).header("X-User-Roles", "customer");
    }

    public static RequestSpecification asAdmin() {
        return anonymous().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin");
    }
}
