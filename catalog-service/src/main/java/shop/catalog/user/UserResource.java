package shop.catalog.user;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import shop.catalog.access.Access;
import shop.catalog.access.Caller;
import shop.catalog.access.SignedIn;

@Path("/api/users")
public class UserResource {

    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @POST
    public Response register(@NotNull @Valid Registration body) {
        UserView user = users.register(body);
        return Response.created(URI.create("/api/users/" + user.id())).entity(user).build();
    }

    @GET
    @Path("/{id}")
    @SignedIn
    public UserView get(@PathParam("id") UUID id, @BeanParam Caller caller) {
        Access.owns(caller, id, "user");
        return users.find(id);
    }
}
