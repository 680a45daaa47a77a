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

import io.quarkus.security.Authenticated;
import shop.kit.identity.Roles;

/**
 * Defining and reading a flag is for admins, evaluating one for signed-in callers: checked here as
 * the gateway checks it (routes.tsv), not left to it.
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
    @RolesAllowed(Roles.ADMIN)
    public Flag get(@PathParam("name") @Pattern(regexp = NAME, message = NAME_MESSAGE) String name) {
        return flags.get(name);
    }

    @GET
    @Path("evaluate")
    @Authenticated
    public Evaluation evaluate(@PathParam("name") @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @QueryParam("userId") @NotNull UUID userId) {
        return flags.evaluate(name, userId);
    }
}
