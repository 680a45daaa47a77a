package shop.media.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import io.smallrye.faulttolerance.api.RetryWhen;

import shop.kit.identity.Caller;
import shop.kit.problem.Problem;
import shop.kit.store.Unreachable;

/**
 * catalog-service, which holds the image references in PostgreSQL, behind a timeout, a circuit
 * breaker and careful retries. A 404 is an answer (the product does not exist), never a failure
 * that trips the breaker; when catalog-service cannot answer, the caller gets 503 quickly.
 */
@ApplicationScoped
public class Catalog {

    private final CatalogApi api;
    private final Caller caller;

    public Catalog(@RestClient CatalogApi api, Caller caller) {
        this.api = api;
        this.caller = caller;
    }

    /** Whether the product exists. Reads are idempotent: retried on any failure. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, abortOn = Problem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Problem.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = Problem.class)
    public boolean hasProduct(UUID productId) {
        try {
            api.product(productId);
            return true;
        } catch (WebApplicationException answer) {
            if (answer.getResponse().getStatus() == 404) {
                return false;
            }
            throw answer;
        }
    }

    /** The product's image references; empty when the product does not exist. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, abortOn = Problem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Problem.class)
    @Fallback(fallbackMethod = "unavailableImages", skipOn = Problem.class)
    public Optional<List<ImageReference>> imagesOf(UUID productId) {
        try {
            return Optional.of(api.images(productId));
        } catch (WebApplicationException answer) {
            if (answer.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw answer;
        }
    }

    /**
     * Registers the reference, as this request's caller (catalog-service checks the admin role again). Not
     * idempotent: retried only when the connection was refused, i.e. the request never left.
     * 404: the product is gone.
     */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100)
    @RetryWhen(exception = Unreachable.ConnectionRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Problem.class)
    @Fallback(fallbackMethod = "unavailableRegister", skipOn = Problem.class)
    public ImageReference register(UUID productId, String key, String contentType, long size, String sha256) {
        try {
            return api.register(productId, new CatalogApi.NewImage(key, contentType, size, sha256),
                    caller.userIdHeader(), caller.rolesHeader());
        } catch (WebApplicationException answer) {
            throw answered(answer, "product not found");
        }
    }

    /** Removes the reference, as this request's caller; false when there was none. Idempotent: retried. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, abortOn = Problem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Problem.class)
    @Fallback(fallbackMethod = "unavailableUnregister", skipOn = Problem.class)
    public boolean unregister(UUID productId, UUID imageId) {
        try {
            api.unregister(productId, imageId, caller.userIdHeader(), caller.rolesHeader());
            return true;
        } catch (WebApplicationException answer) {
            if (answer.getResponse().getStatus() == 404) {
                return false;
            }
            throw answered(answer, "image not found");
        }
    }

    /** catalog's 4xx answers are answers: passed on with their status; anything else is a failure. */
    private static RuntimeException answered(WebApplicationException answer, String notFound) {
        int status = answer.getResponse().getStatus();
        return switch (status) {
            case 401 -> Problem.notSignedIn("sign in first");
            case 403 -> Problem.forbidden("admins only");
            case 404 -> Problem.notFound(notFound);
            case 409 -> Problem.conflict("an image with this key exists");
            default -> answer;
        };
    }

    boolean unavailable(UUID productId) {
        throw unavailable();
    }

    Optional<List<ImageReference>> unavailableImages(UUID productId) {
        throw unavailable();
    }

    ImageReference unavailableRegister(UUID productId, String key, String contentType, long size, String sha256) {
        throw unavailable();
    }

    boolean unavailableUnregister(UUID productId, UUID imageId) {
        throw unavailable();
    }

    private static Problem unavailable() {
        return Problem.unavailable("the catalog cannot be reached right now; try again shortly");
    }

}
