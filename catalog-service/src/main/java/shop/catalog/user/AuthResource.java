package shop.catalog.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

@Path("/api/auth")
public class AuthResource {

    private final UserService users;

    public AuthResource(UserService users) {
        this.users = users;
    }

    @POST
    @Path("/login")
    public Sessions.Session login(@NotNull @Valid Credentials body) {
        return users.login(body);
    }

    @POST
    @Path("/logout")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        users.logout(authorization);
        return Response.noContent().build();
    }
}
