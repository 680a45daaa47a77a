package shop.catalog.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import shop.kit.openapi.ApiDocs;

@Path("/api/auth")
public class AuthResource {

    private final UserService users;

    public AuthResource(UserService users) {
        this.users = users;
    }

    @POST
    @Path("/login")
    @APIResponse(responseCode = "200", description = "A session: its bearer token and when it expires",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Sessions.Session.class)))
    @APIResponse(responseCode = "401", description = "Not signed in: unknown email or wrong password (the same answer for both)")
    public Sessions.Session login(@NotNull @Valid Credentials body) {
        return users.login(body);
    }

    @POST
    @Path("/logout")
    // the token it ends is the bearer token itself, which the gateway checks first (signed-in in routes.tsv)
    @SecurityRequirement(name = ApiDocs.SESSION_TOKEN)
    @APIResponse(responseCode = "204", description = "The session is over")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        users.logout(authorization);
        return Response.noContent().build();
    }
}
