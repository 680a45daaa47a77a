package shop.catalog.user;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import io.smallrye.faulttolerance.api.RetryWhen;

import shop.kit.identity.GatewayAuthentication;
import shop.kit.problem.Problem;
import shop.kit.store.Unreachable;

/**
 * Sessions in session-service, behind a timeout, a circuit breaker and careful retries; when it
 * cannot answer, login and logout fail fast with 503 instead of hanging.
 */
@ApplicationScoped
public class Sessions {

    private final SessionApi api;

    public Sessions(@RestClient SessionApi api) {
        this.api = api;
    }

    public record Session(String token, String userId, java.time.Instant expiresAt) {
    }

    /**
     * Creating a session is not idempotent: it is retried only when the connection was refused,
     * i.e. the request never left.
     */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100)
    @RetryWhen(exception = Unreachable.ConnectionRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    @Fallback(fallbackMethod = "cannotStart")
    public Session start(UUID userId, String role) {
        SessionApi.Session session = api.create(new SessionApi.NewSession(userId.toString(), List.of(role)));
        return new Session(session.token(), session.userId(), session.expiresAt());
    }

    /**
     * Ending a session is idempotent: retried on any failure. The token says whose session it is
     * (introspection); an unknown or expired token means it is gone already.
     */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    @Fallback(fallbackMethod = "cannotEnd")
    public void end(String token) {
        try {
            Response identity = api.introspect("Bearer " + token);
            // as its holder (introspection names them), not as the caller: the token is what proves the right to end it
            api.end(token, identity.getHeaderString(GatewayAuthentication.USER_HEADER),
                    identity.getHeaderString(GatewayAuthentication.ROLES_HEADER));
        } catch (WebApplicationException answer) {
            // 401 / 404: no such session. An answer, not a failure that should trip the breaker
            int status = answer.getResponse().getStatus();
            if (status != 401 && status != 404) {
                throw answer;
            }
        }
    }

    Session cannotStart(UUID userId, String role) {
        throw Problem.unavailable("sessions cannot be created right now; try again shortly");
    }

    void cannotEnd(String token) {
        throw Problem.unavailable("sessions cannot be ended right now; try again shortly");
    }
}
