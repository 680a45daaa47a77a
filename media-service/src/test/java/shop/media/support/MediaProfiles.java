package shop.media.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import shop.polyglot.stack.LocalStackResource;

/** Test profiles of media-service: each brings its own stack resource (no global ones, which would race). */
public final class MediaProfiles {

    private MediaProfiles() {
    }

    /** The S3 server pointed where nothing listens; catalog-service and its stores as usual. */
    public static class S3Unreachable implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MediaStack.class, Map.of(
                    LocalStackResource.COMPONENTS, MediaStack.COMPONENTS,
                    LocalStackResource.UNREACHABLE, "s3")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** Presigned URLs that expire after one second. */
    public static class ShortUploadExpiry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("media.uploads.expiry", "1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MediaStack.class, Map.of(
                    LocalStackResource.COMPONENTS, MediaStack.COMPONENTS)));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
