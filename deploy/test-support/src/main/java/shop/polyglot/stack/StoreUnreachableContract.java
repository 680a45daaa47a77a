package shop.polyglot.stack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * "Ready" means usable: with one store unreachable, readiness is 503 with that store's check
 * DOWN and the others UP, while liveness stays UP (a restart would not bring the store back).
 * A service's {@code @QuarkusTest} extends this with a {@code @TestProfile} extending
 * {@link Profile}.
 */
public abstract class StoreUnreachableContract {

    /** The name of the readiness check of the unreachable store. */
    protected abstract String unreachableCheck();

    /** The names of the readiness checks of the stores that stay reachable. */
    protected abstract List<String> reachableChecks();

    @Test
    void readinessIsDownWhileTheStoreIsUnreachable() {
        ValidatableResponse ready = given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", is("DOWN"))
                .body(OperationsEndpointsContract.check(unreachableCheck()), is("DOWN"));
        reachableChecks().forEach(name -> ready.body(OperationsEndpointsContract.check(name), is("UP")));
    }

    @Test
    void livenessStaysUpWhileTheStoreIsUnreachable() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"));
    }

    /**
     * The service's stores from the stack, one of them pointed where nothing listens. It brings
     * its own test resource and disables the global ones: two resources configuring the same
     * key would race.
     */
    public abstract static class Profile implements QuarkusTestProfile {

        private final String components;
        private final String unreachable;

        /**
         * @param components the service's stores, comma-separated ({@code postgres,redis})
         * @param unreachable the one among them to point where nothing listens
         */
        protected Profile(String components, String unreachable) {
            this.components = components;
            this.unreachable = unreachable;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalStackResource.class, Map.of(
                    LocalStackResource.COMPONENTS, components,
                    LocalStackResource.UNREACHABLE, unreachable)));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
