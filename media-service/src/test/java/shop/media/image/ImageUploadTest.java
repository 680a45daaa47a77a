package shop.media.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static shop.media.support.Shop.asAdmin;
import static shop.media.support.Shop.asCustomer;
import static shop.media.support.Shop.bucket;
import static shop.media.support.Shop.jpeg;
import static shop.media.support.Shop.keysUnder;
import static shop.media.support.Shop.png;
import static shop.media.support.Shop.product;
import static shop.media.support.Shop.references;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import shop.media.support.MediaStack;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads through the service, reads, deletes: real S3 (S3Mock), real catalog-service and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = MediaStack.class, initArgs = @ResourceArg(name = "components", value = MediaStack.COMPONENTS))
class ImageUploadTest {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Inject
    S3Client s3;

    @TestHTTPResource("/")
    URI base;

    private static Response upload(UUID productId, String contentType, byte[] body) {
        return asAdmin().contentType(contentType).body(body).post("/api/media/products/" + productId + "/images");
    }

    @Test
    void aPngAndAJpegAreStoredAndReadBackByteIdenticalWithImmutableCacheHeaders() throws Exception {
        UUID productId = product();
        byte[] png = png(320, 200, 1);
        byte[] jpeg = jpeg(320, 200, 2);

        for (Map.Entry<String, byte[]> image : Map.of("image/png", png, "image/jpeg", jpeg).entrySet()) {
            String ext = image.getKey().equals("image/png") ? "png" : "jpg";
            byte[] bytes = image.getValue();
            Response created = upload(productId, image.getKey(), bytes);
            created.then().statusCode(201)
                    .body("key", matchesPattern("products/" + productId + "/[0-9a-f-]{36}\\." + ext))
                    .body("contentType", equalTo(image.getKey()))
                    .body("size", equalTo(bytes.length))
                    .body("sha256", equalTo(sha256(bytes)))
                    .body("url", endsWith("/api/media/" + created.path("key")));
            String key = created.path("key");

            byte[] read = given().get("/api/media/" + key).then().statusCode(200)
                    .header("Content-Type", image.getKey())
                    .header("Cache-Control", IMMUTABLE)
                    .header("Content-Length", String.valueOf(bytes.length))
                    .header("ETag", matchesPattern("\"[^\"]+\""))
                    .extract().asByteArray();
            assertThat(read).isEqualTo(bytes);

            // and S3 holds it with the same headers and the SHA-256 as metadata
            var head = s3.headObject(request -> request.bucket(bucket()).key(key));
            assertThat(head.contentType()).isEqualTo(image.getKey());
            assertThat(head.cacheControl()).isEqualTo(IMMUTABLE);
            assertThat(head.metadata()).containsEntry("sha256", sha256(bytes));
        }
        // both references are in the catalog (PostgreSQL), and only there
        assertThat(references(productId)).hasSize(2).extracting(reference -> reference.get("contentType"))
                .containsExactlyInAnyOrder("image/png", "image/jpeg");
    }

    @Test
    void aTextFileNamedPngIs415AndNothingIsStored() {
        UUID productId = product();
        asAdmin().contentType("image/png").header("Content-Disposition", "attachment; filename=\"cat.png\"")
                .body("just some text, not a picture".getBytes(StandardCharsets.UTF_8))
                .post("/api/media/products/" + productId + "/images")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
        assertThat(references(productId)).isEmpty();
    }

    @Test
    void bytesThatDisagreeWithTheContentTypeAre415() {
        UUID productId = product();
        upload(productId, "image/jpeg", png(40, 40, 3)).then().statusCode(415)
                .contentType("application/problem+json");
        upload(productId, "text/plain", png(40, 40, 3)).then().statusCode(415)
                .contentType("application/problem+json");
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
    }

    @Test
    void elevenMebibytesAre413WhileStreamingAndNothingIsStored() throws Exception {
        UUID productId = product();
        // a real PNG header followed by padding: only the size is wrong. Sent chunked, with no
        // length declared, so the service can only find out by counting while it streams
        byte[] head = png(16, 16, 4);
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(head),
                new ByteArrayInputStream(new byte[11 * 1024 * 1024]));
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                base.resolve("/api/media/products/" + productId + "/images"))
                .header("Content-Type", "image/png")
                .header("X-User-Id", shop.media.support.Shop.ADMIN_ID).header("X-User-Roles", "admin")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
        assertThat(references(productId)).isEmpty();
    }

    @Test
    void aClientAskingToUpgradeToHttp2StillHasItsWholeImageStored() throws Exception {
        UUID productId = product();
        byte[] png = shop.media.support.Shop.noisePng(1000, 1000, 12);
        // as curl --http2 sends a large body: Upgrade: h2c with Expect: 100-continue
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                .send(HttpRequest.newBuilder(base.resolve("/api/media/products/" + productId + "/images"))
                .expectContinue(true)
                .header("Content-Type", "image/png")
                .header("X-User-Id", shop.media.support.Shop.ADMIN_ID).header("X-User-Roles", "admin")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String key = io.restassured.path.json.JsonPath.from(response.body()).getString("key");
        assertThat(given().get("/api/media/" + key).then().statusCode(200).extract().asByteArray()).isEqualTo(png);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsRead() {
        UUID productId = product();
        byte[] big = Arrays.copyOf(png(16, 16, 5), 11 * 1024 * 1024);
        upload(productId, "image/png", big).then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
    }

    @Test
    void anEmptyBodyIs400AndAnUnknownProduct404() {
        UUID productId = product();
        upload(productId, "image/png", new byte[0]).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        UUID unknown = UUID.randomUUID();
        upload(unknown, "image/png", png(20, 20, 6)).then().statusCode(404).contentType("application/problem+json");
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(unknown))).isEmpty();
        asAdmin().contentType("image/png").body(png(20, 20, 6)).post("/api/media/products/not-a-uuid/images")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void imageWritesAreForAdminsOnly() {
        UUID productId = product();
        byte[] png = png(30, 30, 7);
        given().contentType("image/png").body(png).post("/api/media/products/" + productId + "/images")
                .then().statusCode(401).contentType("application/problem+json");
        asCustomer().contentType("image/png").body(png).post("/api/media/products/" + productId + "/images")
                .then().statusCode(403).contentType("application/problem+json");
        String key = upload(productId, "image/png", png).then().statusCode(201).extract().path("key");
        asCustomer().delete("/api/media/" + key).then().statusCode(403);
        given().delete("/api/media/" + key).then().statusCode(401);
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).containsExactly(key);
    }

    @Test
    void aCurrentETagIs304() {
        UUID productId = product();
        String key = upload(productId, "image/png", png(50, 50, 8)).then().statusCode(201).extract().path("key");
        String eTag = given().get("/api/media/" + key).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", eTag).get("/api/media/" + key).then().statusCode(304)
                .header("ETag", eTag).header("Cache-Control", IMMUTABLE);
        given().header("If-None-Match", "\"something-else\"").get("/api/media/" + key).then().statusCode(200);
    }

    @Test
    void aRangeIs206WithThoseBytesOnly() {
        UUID productId = product();
        byte[] jpeg = jpeg(200, 120, 9);
        String key = upload(productId, "image/jpeg", jpeg).then().statusCode(201).extract().path("key");
        byte[] part = given().header("Range", "bytes=10-109").get("/api/media/" + key).then().statusCode(206)
                .header("Content-Range", "bytes 10-109/" + jpeg.length)
                .header("Content-Length", "100")
                .header("Content-Type", "image/jpeg")
                .extract().asByteArray();
        assertThat(part).isEqualTo(Arrays.copyOfRange(jpeg, 10, 110));
    }

    @Test
    void deletingAnImageRemovesTheObjectAndTheReference() {
        UUID productId = product();
        String key = upload(productId, "image/png", png(60, 60, 10)).then().statusCode(201).extract().path("key");
        assertThat(references(productId)).hasSize(1);

        asAdmin().delete("/api/media/" + key).then().statusCode(204);

        assertThat(references(productId)).isEmpty();
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
        given().get("/api/media/" + key).then().statusCode(404).contentType("application/problem+json");
        asAdmin().delete("/api/media/" + key).then().statusCode(404);
    }

    @Test
    void keysOutsideProductsOrWithTraversalAre400() {
        UUID productId = product();
        for (String key : new String[] {"uploads/" + UUID.randomUUID() + ".json", "products/..%2F..%2Fsecret.png",
                "%2Fetc%2Fpasswd", "products/" + productId + "/x%20y.png", "products/" + productId + "/%2e%2e/a.png"}) {
            given().urlEncodingEnabled(false).get("/api/media/" + key).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("key"));
        }
        given().get("/api/media/products/" + productId + "/" + UUID.randomUUID() + ".png").then().statusCode(404);
    }

    @Test
    void theReferenceIsVisibleInTheCatalog() {
        UUID productId = product();
        byte[] png = png(70, 70, 11);
        Response created = upload(productId, "image/png", png);
        created.then().statusCode(201);
        given().baseUri(shop.media.support.Shop.catalogUrl()).get("/api/products/" + productId + "/images")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].key", equalTo(created.path("key")))
                .body("[0].id", equalTo(created.path("id")))
                .body("[0].contentType", equalTo("image/png"))
                .body("[0].size", equalTo(png.length));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
