package shop.media;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import shop.polyglot.stack.StoreUnreachableContract;

/** With S3 unreachable the service says it is not ready, and stays alive. */
@QuarkusTest
@TestProfile(ReadinessWithS3UnreachableTest.S3Unreachable.class)
class ReadinessWithS3UnreachableTest extends StoreUnreachableContract {

    public static class S3Unreachable extends Profile {
        public S3Unreachable() {
            super("s3", "s3");
        }
    }

    @Override
    protected String unreachableCheck() {
        return "S3 media bucket";
    }

    @Override
    protected List<String> reachableChecks() {
        return List.of();
    }
}
