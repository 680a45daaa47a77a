package shop.media.orphan;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.media.support.Shop.asAdmin;
import static shop.media.support.Shop.bucket;
import static shop.media.support.Shop.deleteProduct;
import static shop.media.support.Shop.keysUnder;
import static shop.media.support.Shop.png;
import static shop.media.support.Shop.product;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import shop.media.image.ImageKey;
import shop.media.support.MediaStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sweep removes objects no reference points at (a failed registration whose delete failed
 * too, images of a deleted product) and keeps referenced ones. Each test sweeps only its own
 * products' prefixes: the bucket is shared with the stack's running media-service.
 */
@QuarkusTest
@QuarkusTestResource(value = MediaStack.class, initArgs = @ResourceArg(name = "components", value = MediaStack.COMPONENTS))
class OrphanSweepTest {

    @Inject
    S3Client s3;

    @Inject
    OrphanSweep sweep;

    private void putOrphan(String key) {
        s3.putObject(request -> request.bucket(bucket()).key(key).contentType("image/png"),
                RequestBody.fromBytes(png(10, 10, 41)));
    }

    @Test
    void unreferencedObjectsOlderThanTheGraceGoAndReferencedOnesStay() {
        UUID productId = product();
        String kept = asAdmin().contentType("image/png").body(png(30, 30, 42))
                .post("/api/media/products/" + productId + "/images").then().statusCode(201).extract().path("key");
        String orphan = ImageKey.prefixOf(productId) + UUID.randomUUID() + ".png";
        putOrphan(orphan);

        // within the grace period nothing goes: it could be an upload between its PUT and its registration
        assertThat(sweep.sweepImages(ImageKey.prefixOf(productId), Duration.ofHours(1))).isZero();
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).containsExactlyInAnyOrder(kept, orphan);

        assertThat(sweep.sweepImages(ImageKey.prefixOf(productId), Duration.ZERO)).isEqualTo(1);
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).containsExactly(kept);
    }

    @Test
    void theImagesOfADeletedProductAreOrphans() {
        UUID productId = product();
        asAdmin().contentType("image/png").body(png(30, 30, 43))
                .post("/api/media/products/" + productId + "/images").then().statusCode(201);
        deleteProduct(productId);

        assertThat(sweep.sweepImages(ImageKey.prefixOf(productId), Duration.ZERO)).isEqualTo(1);
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
    }
}
