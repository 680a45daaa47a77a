package shop.session.flag;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import shop.kit.identity.Roles;
import shop.kit.openapi.ApiDocs;

/**
 * Reading and evaluating flags is open here; defining one is for admins. Through the gateway,
 * reading is for admins too and evaluating for signed-in callers (routes.tsv), as the document says.
 */
@Path("/api/flags/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class FlagResource {

    private static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final String NAME_MESSAGE = "must be 1 to 64 of a-z 0-9 . _ - (starting with a letter or digit)";

    private final Flags flags;

    public FlagResource(Flags flags) {
        this.flags = flags;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Flag define(@PathParam("name") @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @NotNull @Valid FlagDefinition body) {
        return flags.define(name, body);
    }

    @GET
    @SecurityRequirement(name = ApiDocs.SESSION_TOKEN, scopes = Roles.ADMIN)
    public Flag get(@PathParam("name") @Pattern(regexp = NAME, message = NAME_MESSAGE) String name) {
        return flags.get(name);
    }

    @GET
    @Path("evaluate")
    @SecurityRequirement(name = ApiDocs.SESSION_TOKEN)
    public Evaluation evaluate(@PathParam("name") @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @QueryParam("userId") @NotNull UUID userId) {
        return flags.evaluate(name, userId);
    }
}
