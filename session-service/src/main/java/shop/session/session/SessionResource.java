package shop.session.session;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.Authenticated;
import shop.kit.identity.GatewayAuthentication;
import shop.kit.openapi.ApiDocs;

/**
 * Creating a session and introspection are open (internal: catalog-service at login, and the
 * gateway); everything else needs a signed-in caller, and {@link Sessions} lets only the owner or
 * an admin at a session.
 */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final String TOKEN_MESSAGE = "is not a session token";

    private final Sessions sessions;

    public SessionResource(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Internal: catalog-service calls it at login; the gateway does not route it. */
    @POST
    @Extension(name = ApiDocs.INTERNAL, value = "true", parseValue = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The session: its bearer token and when it expires",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedSession.class)))
    public Response create(@NotNull @Valid NewSession body) {
        return Response.status(Response.Status.CREATED).entity(sessions.create(body)).build();
    }

    /** For the gateway, on every signed-in request: one Redis round trip. */
    @GET
    @Path("introspect")
    @Extension(name = ApiDocs.INTERNAL, value = "true", parseValue = true)
    @APIResponse(responseCode = "200", description = "Signed in: the headers X-User-Id and X-User-Roles name the caller")
    @APIResponse(responseCode = "401", description = "Not signed in: no bearer token, or one that is unknown, expired or logged out")
    public Response introspect(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Identity identity = sessions.introspect(authorization);
        return Response.ok(identity)
                .header(GatewayAuthentication.USER_HEADER, identity.userId())
                .header(GatewayAuthentication.ROLES_HEADER, String.join(",", identity.roles()))
                .build();
    }

    @GET
    @Path("{token}")
    @Authenticated
    public Session read(@PathParam("token") @Pattern(regexp = SessionToken.SHAPE, message = TOKEN_MESSAGE) String token) {
        return sessions.read(token);
    }

    @POST
    @Path("{token}/touch")
    @Authenticated
    public Touched touch(@PathParam("token") @Pattern(regexp = SessionToken.SHAPE, message = TOKEN_MESSAGE) String token) {
        return sessions.touch(token);
    }

    @DELETE
    @Path("{token}")
    @Authenticated
    public void end(@PathParam("token") @Pattern(regexp = SessionToken.SHAPE, message = TOKEN_MESSAGE) String token) {
        sessions.end(token);
    }

    @GET
    @Path("by-user/{userId}")
    @Authenticated
    public UserSessions ofUser(@PathParam("userId") UUID userId) {
        return sessions.ofUser(userId);
    }

    /** Logout everywhere. */
    @DELETE
    @Path("by-user/{userId}")
    @Authenticated
    public void endAllOf(@PathParam("userId") UUID userId) {
        sessions.endAllOf(userId);
    }
}
