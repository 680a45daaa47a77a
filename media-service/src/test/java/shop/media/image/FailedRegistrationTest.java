package shop.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.media.support.Shop.ADMIN_ID;
import static shop.media.support.Shop.bucket;
import static shop.media.support.Shop.deleteProduct;
import static shop.media.support.Shop.keysUnder;
import static shop.media.support.Shop.product;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import shop.media.support.MediaStack;
import shop.media.support.Shop;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A registration that fails leaves no object: the product is deleted in catalog-service while
 * its image streams in, after media-service has checked that it exists. Nothing is faked: the
 * test holds back the second half of the body until the service has started spooling the first
 * (which it does only after the product check), deletes the product for real, then sends the rest.
 */
@QuarkusTest
@QuarkusTestResource(value = MediaStack.class, initArgs = @ResourceArg(name = "components", value = MediaStack.COMPONENTS))
class FailedRegistrationTest {

    @Inject
    S3Client s3;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aProductDeletedBeforeRegistrationLeavesNoObjectBehind() throws Exception {
        UUID productId = product();
        byte[] image = Shop.noisePng(300, 300, 42);
        Path spool = Path.of(ConfigProvider.getConfig().getValue("media.spool-dir", String.class));
        List<Path> before = Shop.spooled(spool);

        PipedOutputStream sender = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(sender, 64 * 1024);
        CompletableFuture<HttpResponse<String>> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build().sendAsync(HttpRequest.newBuilder(
                        base.resolve("/api/media/products/" + productId + "/images"))
                        .header("Content-Type", "image/png")
                        .header("X-User-Id", ADMIN_ID).header("X-User-Roles", "admin")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                        HttpResponse.BodyHandlers.ofString());

        int half = image.length / 2;
        sender.write(image, 0, half);
        sender.flush();
        // the service spools only after catalog-service said the product exists
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.spooled(spool).stream().anyMatch(file -> !before.contains(file)));
        deleteProduct(productId);
        sender.write(image, half, image.length - half);
        sender.close();

        HttpResponse<String> answer = response.get();
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("product not found");
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
        assertThat(Shop.spooled(spool)).isSubsetOf(before);
    }
}
