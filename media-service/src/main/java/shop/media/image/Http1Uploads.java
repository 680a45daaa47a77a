package shop.media.image;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * No HTTP/2 over cleartext (h2c). A client that asks to upgrade an HTTP/1.1 request carrying a
 * body (curl --http2, java.net.http's default) gets that body mangled by Vert.x's upgrade path:
 * a valid 3 MB PNG arrived as something that was no image (415), a chunked one as empty (400).
 * Without h2c the server ignores the Upgrade header and the request streams as plain HTTP/1.1,
 * which is also what the gateway speaks to the services. HTTP/2 over TLS is unaffected.
 */
@ApplicationScoped
public class Http1Uploads implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
