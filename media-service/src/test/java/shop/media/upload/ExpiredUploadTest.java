package shop.media.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.media.support.Shop.asAdmin;
import static shop.media.support.Shop.bucket;
import static shop.media.support.Shop.keysUnder;
import static shop.media.support.Shop.png;
import static shop.media.support.Shop.product;
import static shop.media.support.Shop.references;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import shop.media.image.ImageKey;
import shop.media.support.MediaProfiles;
import software.amazon.awssdk.services.s3.S3Client;

/** A presigned URL used after it expired (here after one second) leaves no image behind. */
@QuarkusTest
@TestProfile(MediaProfiles.ShortUploadExpiry.class)
class ExpiredUploadTest {

    @Inject
    S3Client s3;

    @Test
    void anUploadAfterTheUrlExpiredIsRefusedAndLeavesNothing() throws Exception {
        UUID productId = product();
        byte[] png = png(40, 40, 31);
        Response ticket = PresignedUploadTest.start(productId, "image/png", png.length);
        String id = ticket.then().statusCode(201).extract().path("id");
        Instant expiresAt = Instant.parse(ticket.path("expiresAt"));
        // S3 dates objects to the second: wait until a PUT is certainly dated after the expiry
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt.plusSeconds(1)));

        int put = PresignedUploadTest.put(ticket.path("url"), "image/png", png);
        if (put == 200) {
            // S3Mock does not check presigned URLs; AWS S3 answers 403. media-service refuses either way
            asAdmin().post("/api/media/uploads/" + id + "/complete").then().statusCode(422)
                    .contentType("application/problem+json");
        } else {
            assertThat(put).isEqualTo(403);
        }
        assertThat(keysUnder(s3, bucket(), "uploads/" + id)).isEmpty();
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
        assertThat(references(productId)).isEmpty();
    }
}
