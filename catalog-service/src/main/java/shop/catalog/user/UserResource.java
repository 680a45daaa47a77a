package shop.catalog.user;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.Authenticated;
import shop.kit.identity.Caller;

@Path("/api/users")
public class UserResource {

    private final UserService users;
    private final Caller caller;

    public UserResource(UserService users, Caller caller) {
        this.users = users;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "201", description = "The account, role customer; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "Conflict: an account with this email exists")
    public Response register(@NotNull @Valid Registration body) {
        UserView user = users.register(body);
        return Response.created(URI.create("/api/users/" + user.id())).entity(user).build();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public UserView get(@PathParam("id") UUID id) {
        caller.requireOwnOrAdmin(id, "user");
        return users.find(id);
    }
}
