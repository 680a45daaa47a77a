package shop.media.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static shop.media.support.Shop.asAdmin;
import static shop.media.support.Shop.asCustomer;
import static shop.media.support.Shop.bucket;
import static shop.media.support.Shop.keysUnder;
import static shop.media.support.Shop.png;
import static shop.media.support.Shop.product;
import static shop.media.support.Shop.references;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import shop.media.image.ImageKey;
import shop.media.support.MediaStack;
import software.amazon.awssdk.services.s3.S3Client;

/** Direct uploads with a presigned URL and a plain HTTP PUT, against the real S3 server and catalog. */
@QuarkusTest
@QuarkusTestResource(value = MediaStack.class, initArgs = @ResourceArg(name = "components", value = MediaStack.COMPONENTS))
class PresignedUploadTest {

    @Inject
    S3Client s3;

    static Response start(UUID productId, String contentType, long size) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("productId", productId.toString(), "contentType", contentType, "size", size))
                .post("/api/media/uploads");
    }

    /** A plain HTTP PUT to the presigned URL, as a browser would send it. */
    static int put(String url, String contentType, byte[] bytes) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aPresignedUploadEndsAsAnImageWithAReference() throws Exception {
        UUID productId = product();
        byte[] png = png(90, 60, 21);
        Response ticket = start(productId, "image/png", png.length);
        ticket.then().statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("method", equalTo("PUT"))
                .body("headers.Content-Type", equalTo("image/png"))
                .body("expiresAt", notNullValue());
        String id = ticket.path("id");
        String url = ticket.path("url");
        assertThat(url).contains("X-Amz-Signature=").contains("X-Amz-Expires=");

        assertThat(put(url, "image/png", png)).isEqualTo(200);

        Response completed = asAdmin().post("/api/media/uploads/" + id + "/complete");
        completed.then().statusCode(201)
                .body("key", matchesPattern("products/" + productId + "/[0-9a-f-]{36}\\.png"))
                .body("contentType", equalTo("image/png"))
                .body("size", equalTo(png.length))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png))));
        String key = completed.path("key");

        byte[] read = given().get("/api/media/" + key).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Type", "image/png").extract().asByteArray();
        assertThat(read).isEqualTo(png);
        assertThat(references(productId)).extracting(reference -> reference.get("key")).containsExactly(key);
        // the uploaded copy is gone; only the image stays
        assertThat(keysUnder(s3, bucket(), "uploads/" + id)).containsExactly("uploads/" + id + ".json");
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).containsExactly(key);

        // completing twice is a conflict, and changes nothing
        asAdmin().post("/api/media/uploads/" + id + "/complete").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(references(productId)).hasSize(1);
    }

    @Test
    void bytesThatAreNoImageAre415AtCompletionAndDeleted() throws Exception {
        UUID productId = product();
        byte[] text = "not an image at all, only words".getBytes(StandardCharsets.UTF_8);
        Response ticket = start(productId, "image/png", text.length);
        String id = ticket.then().statusCode(201).extract().path("id");
        assertThat(put(ticket.path("url"), "image/png", text)).isEqualTo(200);

        asAdmin().post("/api/media/uploads/" + id + "/complete").then().statusCode(415)
                .contentType("application/problem+json");

        assertThat(keysUnder(s3, bucket(), "uploads/" + id)).isEmpty();
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
        assertThat(references(productId)).isEmpty();
        // its state went with it
        asAdmin().post("/api/media/uploads/" + id + "/complete").then().statusCode(404);
    }

    /**
     * Five completions of one upload at once, fifty times over: a race that hides in one round
     * shows in fifty. Each round: exactly one 201, the rest 409, one reference, one object.
     */
    @Test
    void concurrentCompletionsOfOneUploadMakeOneImage() throws Exception {
        int rounds = 50;
        int racers = 5;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 1; round <= rounds; round++) {
                UUID productId = product();
                byte[] png = png(40, 30, round);
                Response ticket = start(productId, "image/png", png.length);
                String id = ticket.path("id");
                assertThat(put(ticket.path("url"), "image/png", png)).isEqualTo(200);

                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return asAdmin().post("/api/media/uploads/" + id + "/complete");
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    if (response.statusCode() != 201) {
                        assertThat(response.contentType()).as("round %d", round).startsWith("application/problem+json");
                    }
                }
                assertThat(statuses).as("round %d", round).containsOnly(201, 409);
                assertThat(statuses).as("round %d", round).filteredOn(status -> status == 201).hasSize(1);
                List<Map<String, Object>> references = references(productId);
                assertThat(references).as("round %d", round).hasSize(1);
                String key = (String) references.get(0).get("key");
                assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).as("round %d", round)
                        .containsExactly(key);
                assertThat(given().get("/api/media/" + key).then().statusCode(200).extract().asByteArray())
                        .as("round %d", round).isEqualTo(png);
                assertThat(keysUnder(s3, bucket(), "uploads/" + id)).as("round %d", round)
                        .containsExactly("uploads/" + id + ".json");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void completingBeforeAnythingWasUploadedIs422() {
        UUID productId = product();
        String id = start(productId, "image/jpeg", 1000).then().statusCode(201).extract().path("id");
        asAdmin().post("/api/media/uploads/" + id + "/complete").then().statusCode(422)
                .contentType("application/problem+json");
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
    }

    @Test
    void badUploadRequestsAreProblemsAndStoreNothing() {
        UUID productId = product();
        asAdmin().post("/api/media/uploads/" + UUID.randomUUID() + "/complete").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().post("/api/media/uploads/not-a-uuid/complete").then().statusCode(400)
                .contentType("application/problem+json");
        start(productId, "text/plain", 100).then().statusCode(415).contentType("application/problem+json");
        start(productId, "image/png", 11L * 1024 * 1024).then().statusCode(413)
                .contentType("application/problem+json");
        start(productId, "image/png", 0).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        start(UUID.randomUUID(), "image/png", 100).then().statusCode(404).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body("{\"contentType\":\"image/png\",\"size\":5}")
                .post("/api/media/uploads").then().statusCode(400).body("errors[0].field", equalTo("productId"));
        asAdmin().contentType(ContentType.JSON).body("{not json").post("/api/media/uploads").then().statusCode(400)
                .contentType("application/problem+json");
        for (String wrongShape : new String[] { "{\"productId\":[[1]]}", "[", "[]" }) {
            asAdmin().contentType(ContentType.JSON).body(wrongShape).post("/api/media/uploads").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        asCustomer().contentType(ContentType.JSON)
                .body(Map.of("productId", productId.toString(), "contentType", "image/png", "size", 10))
                .post("/api/media/uploads").then().statusCode(403);
        given().post("/api/media/uploads/" + UUID.randomUUID() + "/complete").then().statusCode(401);
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
    }
}
