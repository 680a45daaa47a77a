package shop.catalog.user;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import shop.kit.identity.GatewayAuthentication;

/** session-service's HTTP API; package-private: only {@link Sessions} calls it, with its guards. */
@Path("/api/sessions")
@RegisterRestClient(configKey = "session-service")
interface SessionApi {

    record NewSession(String userId, List<String> roles) {
    }

    record Session(String token, String userId, Instant expiresAt) {
    }

    @POST
    Session create(NewSession session);

    /** 200 with X-User-Id and X-User-Roles for a live session, 401 otherwise. */
    @GET
    @Path("/introspect")
    Response introspect(@HeaderParam("Authorization") String authorization);

    /** session-service lets only the session's owner (or an admin) end it. */
    @DELETE
    @Path("/{token}")
    void end(@PathParam("token") String token, @HeaderParam(GatewayAuthentication.USER_HEADER) String userId,
            @HeaderParam(GatewayAuthentication.ROLES_HEADER) String roles);
}
