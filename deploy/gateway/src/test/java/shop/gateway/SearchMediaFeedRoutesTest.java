package shop.gateway;

import static shop.gateway.support.Gateway.assertForwarded;
import static shop.gateway.support.Gateway.assertGatewayProblem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import shop.gateway.support.Personas;

/**
 * Search, media and feed: what the gateway decides for each route (refused, not routed, or
 * forwarded). Their answers are the services' own and are tested in their modules; here a
 * forwarded request may equally meet a service that is down (the gateway's 502).
 */
class SearchMediaFeedRoutesTest extends Personas {

    @Test
    void searchIsOpenAndItsRebuildIsForAdmins() {
        assertForwarded(anonymous.request().queryParam("q", "wirelss").get("/api/search"));
        assertForwarded(anonymous.request().queryParam("prefix", "wi").get("/api/search/suggest"));
        assertForwarded(anonymous.request().get("/api/search/products/" + UUID.randomUUID()));
        assertForwarded(anonymous.request().get("/api/search/status"));
        assertForwarded(customer.request().queryParam("q", "x").get("/api/search"));

        assertGatewayProblem(anonymous.request().post("/api/search/rebuild"), 401, "not-signed-in");
        assertGatewayProblem(customer.request().post("/api/search/rebuild"), 403, "forbidden");
        assertForwarded(admin.request().post("/api/search/rebuild"));
        assertGatewayProblem(admin.request().delete("/api/search/status"), 404, "not-found");
    }

    @Test
    void mediaIsOpenToReadAndWrittenByAdmins() {
        String productId = UUID.randomUUID().toString();
        String upload = "/api/media/products/" + productId + "/images";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertGatewayProblem(anonymous.request().contentType("image/png").body(png).post(upload), 401, "not-signed-in");
        assertGatewayProblem(customer.request().contentType("image/png").body(png).post(upload), 403, "forbidden");
        assertForwarded(admin.request().contentType("image/png").body(png).post(upload));

        String key = "/api/media/products/" + productId + "/" + UUID.randomUUID() + ".png";
        assertForwarded(anonymous.request().accept(ContentType.ANY).get(key));
        assertGatewayProblem(anonymous.request().delete(key), 401, "not-signed-in");
        assertGatewayProblem(customer.request().delete(key), 403, "forbidden");
        assertForwarded(admin.request().delete(key));

        Map<String, Object> presign = Map.of("productId", productId, "contentType", "image/png", "size", 8);
        assertGatewayProblem(customer.request().body(presign).post("/api/media/uploads"), 403, "forbidden");
        assertForwarded(admin.request().body(presign).post("/api/media/uploads"));
        assertGatewayProblem(customer.request().post("/api/media/uploads/" + UUID.randomUUID() + "/complete"), 403,
                "forbidden");
    }

    @Test
    void anUploadOverTheMediaLimitIsRefusedButLargerThanJsonRoutesAccept() {
        String upload = "/api/media/products/" + UUID.randomUUID() + "/images";
        byte[] over = new byte[10 * 1024 * 1024 + 1];
        assertGatewayProblem(admin.request().contentType("image/png").body(over).post(upload), 413, "too-large");
        // 1 MiB: far over what a JSON route takes (64k), well under the media limit (10m)
        byte[] image = new byte[1024 * 1024];
        assertForwarded(admin.request().contentType("image/png").body(image).post(upload));
        assertGatewayProblem(admin.request().contentType("image/png").body(image).post("/api/products"), 413,
                "too-large");
    }

    @Test
    void aFeedIsForSignedInUsers() {
        String feed = "/api/feed/" + customer.userId();
        assertGatewayProblem(anonymous.request().get(feed), 401, "not-signed-in");
        assertForwarded(customer.request().get(feed));
        assertForwarded(otherCustomer.request().get(feed));

        Map<String, Object> click = Map.of("type", "product.viewed", "data", Map.of("productId", UUID.randomUUID()));
        assertGatewayProblem(anonymous.request().body(click).post(feed + "/events"), 401, "not-signed-in");
        assertForwarded(customer.request().body(click).post(feed + "/events"));
    }
}
