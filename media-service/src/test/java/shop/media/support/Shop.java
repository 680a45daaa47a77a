package shop.media.support;

import static io.restassured.RestAssured.given;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What the tests need from the shop: products in catalog-service, real images, the bucket's contents. */
public final class Shop {

    public static final String ADMIN_ID = UUID.randomUUID().toString();

    private Shop() {
    }

    public static RequestSpecification asAdmin() {
        return given().header("X-User-Id", ADMIN_ID).header("X-User-Roles", "admin");
    }

    public static RequestSpecification asCustomer() {
        return given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "customer");
    }

    public static String catalogUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.catalog-service.url", String.class);
    }

    /** A fresh product in catalog-service (PostgreSQL). */
    public static UUID product() {
        String sku = "media-test-" + UUID.randomUUID();
        String id = asAdmin().baseUri(catalogUrl()).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Camera " + sku, "description", "for images", "brand", "Lens",
                        "price", 99.5, "tags", List.of("media"), "stock", 1))
                .post("/api/products").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static void deleteProduct(UUID productId) {
        asAdmin().baseUri(catalogUrl()).delete("/api/products/" + productId).then().statusCode(204);
    }

    /** The product's image references, as catalog-service lists them to anyone. */
    public static List<Map<String, Object>> references(UUID productId) {
        return given().baseUri(catalogUrl()).get("/api/products/" + productId + "/images").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    /** A real PNG, drawn here, unique to {@code seed}. */
    public static byte[] png(int width, int height, int seed) {
        return encode(draw(width, height, seed, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** A real JPEG, drawn here, unique to {@code seed}. */
    public static byte[] jpeg(int width, int height, int seed) {
        return encode(draw(width, height, seed, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    /** A real PNG of random pixels: it does not compress, so its size follows its dimensions (~3 bytes a pixel). */
    public static byte[] noisePng(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encode(image, "png");
    }

    private static BufferedImage draw(int width, int height, int seed, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(seed * 37 % 256, 90, 200), width, height,
                new Color(250, seed * 11 % 256, 40)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawString("seed " + seed, 5, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The keys in the bucket under {@code prefix}, straight from S3. */
    public static List<String> keysUnder(S3Client s3, String bucket, String prefix) {
        return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** The files in the upload spool: one appears once an upload is past its product check. */
    public static List<java.nio.file.Path> spooled(java.nio.file.Path spool) throws IOException {
        if (!java.nio.file.Files.isDirectory(spool)) {
            return List.of();
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(spool)) {
            return files.toList();
        }
    }

    public static String bucket() {
        return ConfigProvider.getConfig().getValue("media.bucket", String.class);
    }
}
