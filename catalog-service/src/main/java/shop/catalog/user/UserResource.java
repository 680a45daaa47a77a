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
