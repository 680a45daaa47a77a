package shop.media.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.LocalStackResource;
import shop.polyglot.stack.TcpProxy;

/**
 * The stack's servers, with catalog-service reached through a {@link TcpProxy} that a test can
 * cut: catalog-service goes "down" for this application only, while every other test and the
 * stack's own media-service keep using it.
 */
public class CatalogBehindProxy extends MediaStack {

    private static volatile TcpProxy proxy;

    /** The proxy in front of catalog-service, once the resource has started. */
    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(super.start());
        proxy = TcpProxy.start("127.0.0.1", Integer.parseInt(LocalStack.env().get("STACK_CATALOG_PORT")));
        config.put("quarkus.rest-client.catalog-service.url", "http://" + proxy.address());
        return config;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        super.stop();
    }

    /** The profile that brings this resource instead of the global ones. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CatalogBehindProxy.class,
                    Map.of(LocalStackResource.COMPONENTS, MediaStack.COMPONENTS)));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
