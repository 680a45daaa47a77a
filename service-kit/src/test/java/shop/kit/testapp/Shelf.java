package shop.kit.testapp;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;
import shop.kit.identity.Caller;
import shop.kit.identity.Roles;
import shop.kit.openapi.ApiDocs;
import shop.kit.problem.Problem;
import shop.kit.problem.ProblemType;

/** A small shop of test endpoints, one for each way a request can go wrong. */
@Path("/shelf")
@Produces(MediaType.APPLICATION_JSON)
public class Shelf {

    public record Line(@NotNull UUID productId, @Positive int quantity) {
    }

    public record NewOrder(@NotBlank String note, @NotEmpty List<@Valid Line> items) {
    }

    private final Caller caller;

    public Shelf(Caller caller) {
        this.caller = caller;
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> order(@NotNull @Valid NewOrder order) {
        return Map.of("lines", order.items().size());
    }

    @GET
    @Path("/products/{id}")
    public Map<String, Object> product(@PathParam("id") UUID id) {
        return Map.of("id", id);
    }

    @GET
    @Path("/report")
    public Map<String, Object> report(@QueryParam("days") @Min(1) @Max(365) Integer days) {
        return Map.of("days", days == null ? 30 : days);
    }

    @GET
    @Path("/problems/{kind}")
    public void problem(@PathParam("kind") String kind) {
        ProblemType type = ProblemType.valueOf(kind);
        throw Problem.of(type, "a " + type.kind() + " problem");
    }

    @GET
    @Path("/boom")
    public void boom() {
        throw new IllegalStateException("a secret the client must never see");
    }

    @GET
    @Path("/store-down")
    public void storeDown() {
        throw new RuntimeException("the store call failed", new ConnectException("Connection refused"));
    }

    @GET
    @Path("/duplicate")
    public void duplicate() {
        throw new DuplicateKey("shelf_sku_key");
    }

    @GET
    @Path("/me")
    @Authenticated
    public Map<String, Object> me() {
        return Map.of("id", caller.signedIn(), "admin", caller.isAdmin());
    }

    @POST
    @Path("/admin/products")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> adminWrite(@NotNull @Valid NewOrder order) {
        return Map.of("ok", true);
    }

    @GET
    @Path("/users/{owner}/orders")
    @Authenticated
    public Map<String, Object> ordersOf(@PathParam("owner") UUID owner) {
        caller.requireOwnOrAdmin(owner, "order");
        return Map.of("owner", owner);
    }

    /** Only other services call this (the gateway does not route it). */
    @POST
    @Path("/internal/stock")
    @Extension(name = ApiDocs.INTERNAL, value = "true", parseValue = true)
    public Map<String, Object> internalStock() {
        return Map.of("ok", true);
    }

    /** Open here, signed-in through the gateway: the requirement is the gateway's, said by annotation. */
    @GET
    @Path("/gated")
    @SecurityRequirement(name = ApiDocs.SESSION_TOKEN)
    @APIResponse(responseCode = "409", description = "the shelf is being restocked")
    public Map<String, Object> gated() {
        return Map.of("ok", true);
    }

    /** What a store's driver throws for a unique key (as a JDBC driver's SQLException would). */
    public static class DuplicateKey extends RuntimeException {
        DuplicateKey(String constraint) {
            super("duplicate key value violates unique constraint " + constraint);
        }
    }
}
