package shop.session.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
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

import shop.session.Uuids;
import shop.session.access.Caller;

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
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewSession body) {
        return Response.status(Response.Status.CREATED).entity(sessions.create(body)).build();
    }

    /** For the gateway, on every signed-in request: one Redis round trip. */
    @GET
    @Path("introspect")
    public Response introspect(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Identity identity = sessions.introspect(authorization);
        return Response.ok(identity)
                .header(Caller.USER_ID, identity.userId())
                .header(Caller.USER_ROLES, String.join(",", identity.roles()))
                .build();
    }

    @GET
    @Path("{token}")
    public Session read(@PathParam("token") @Pattern(regexp = SessionToken.SHAPE, message = TOKEN_MESSAGE) String token,
            @BeanParam Caller caller) {
        return sessions.read(token, caller);
    }

    @POST
    @Path("{token}/touch")
    public Touched touch(@PathParam("token") @Pattern(regexp = SessionToken.SHAPE, message = TOKEN_MESSAGE) String token,
            @BeanParam Caller caller) {
        return sessions.touch(token, caller);
    }

    @DELETE
    @Path("{token}")
    public void end(@PathParam("token") @Pattern(regexp = SessionToken.SHAPE, message = TOKEN_MESSAGE) String token,
            @BeanParam Caller caller) {
        sessions.end(token, caller);
    }

    @GET
    @Path("by-user/{userId}")
    public UserSessions ofUser(@PathParam("userId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String userId,
            @BeanParam Caller caller) {
        return sessions.ofUser(userId, caller);
    }

    /** Logout everywhere. */
    @DELETE
    @Path("by-user/{userId}")
    public void endAllOf(@PathParam("userId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String userId,
            @BeanParam Caller caller) {
        sessions.endAllOf(userId, caller);
    }
}
