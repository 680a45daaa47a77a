package shop.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static shop.media.support.Shop.asAdmin;
import static shop.media.support.Shop.png;
import static shop.media.support.Shop.product;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import shop.media.support.MediaProfiles;
import shop.polyglot.stack.StoreUnreachableContract;

/** With S3 unreachable the service says it is not ready, stays alive, and answers 503 problem+json. */
@QuarkusTest
@TestProfile(MediaProfiles.S3Unreachable.class)
class ReadinessWithS3UnreachableTest extends StoreUnreachableContract {

    @Override
    protected String unreachableCheck() {
        return "S3 media bucket";
    }

    @Override
    protected List<String> reachableChecks() {
        return List.of();
    }

    @Test
    void uploadsAndReadsAre503ProblemsWhileS3IsUnreachable() {
        UUID productId = product();
        asAdmin().contentType("image/png").body(png(40, 40, 1)).post("/api/media/products/" + productId + "/images")
                .then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503));
        given().get("/api/media/products/" + productId + "/" + UUID.randomUUID() + ".png")
                .then().statusCode(503).contentType("application/problem+json");
        asAdmin().contentType("application/json")
                .body("{\"productId\":\"" + productId + "\",\"contentType\":\"image/png\",\"size\":100}")
                .post("/api/media/uploads").then().statusCode(503).contentType("application/problem+json");
    }
}
