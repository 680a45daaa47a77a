package shop.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.media.support.Shop.ADMIN_ID;
import static shop.media.support.Shop.asAdmin;
import static shop.media.support.Shop.bucket;
import static shop.media.support.Shop.keysUnder;
import static shop.media.support.Shop.png;
import static shop.media.support.Shop.product;
import static shop.media.support.Shop.references;

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

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import shop.media.support.CatalogBehindProxy;
import shop.media.support.Shop;
import software.amazon.awssdk.services.s3.S3Client;

/** catalog-service unreachable (a cut TcpProxy): 503 problem+json, and no object left in S3. */
@QuarkusTest
@TestProfile(CatalogBehindProxy.Profile.class)
class CatalogUnreachableTest {

    @Inject
    S3Client s3;

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void restore() {
        CatalogBehindProxy.proxy().restore();
    }

    @Test
    void anUploadIs503WhileCatalogIsUnreachableAndWorksOnceItIsBack() {
        UUID productId = product();
        CatalogBehindProxy.proxy().cut();
        asAdmin().contentType("image/png").body(png(40, 40, 51)).post("/api/media/products/" + productId + "/images")
                .then().statusCode(503).contentType("application/problem+json");
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();

        CatalogBehindProxy.proxy().restore();
        asAdmin().contentType("image/png").body(png(40, 40, 51)).post("/api/media/products/" + productId + "/images")
                .then().statusCode(201);
        assertThat(references(productId)).hasSize(1);
    }

    @Test
    void catalogGoingDownAfterTheProductCheckLeavesNoObjectBehind() throws Exception {
        UUID productId = product();
        byte[] image = Shop.noisePng(300, 300, 52);
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
        // spooling starts only after catalog-service said the product exists
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.spooled(spool).stream().anyMatch(file -> !before.contains(file)));
        CatalogBehindProxy.proxy().cut();
        sender.write(image, half, image.length - half);
        sender.close();

        HttpResponse<String> answer = response.get();
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(keysUnder(s3, bucket(), ImageKey.prefixOf(productId))).isEmpty();
        CatalogBehindProxy.proxy().restore();
        assertThat(references(productId)).isEmpty();
    }
}
