package shop.media.support;

import java.util.LinkedHashMap;
import java.util.Map;

import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.LocalStackResource;

/**
 * The stack's servers for media-service: S3 and catalog-service (with what catalog needs), from
 * {@code deploy/local/stack}. LocalStackResource configures the stores; catalog-service's address,
 * which it does not know about, is added here from the same {@code stack env}.
 */
public class MediaStack extends LocalStackResource {

    public static final String COMPONENTS = "s3,postgres,redis,session-service,catalog-service";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        // only what media-service reads: the other components are started for catalog-service's sake
        super.start().forEach((key, value) -> {
            if (key.startsWith("quarkus.s3.") || key.startsWith("media.")) {
                config.put(key, value);
            }
        });
        config.put("quarkus.rest-client.catalog-service.url",
                "http://127.0.0.1:" + LocalStack.env().get("STACK_CATALOG_PORT"));
        return config;
    }
}
