package shop.catalog.report;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import shop.kit.identity.Roles;

@Path("/api/reports")
@RolesAllowed(Roles.ADMIN)
public class ReportResource {

    private final PendingOrdersReport pendingOrders;

    public ReportResource(PendingOrdersReport pendingOrders) {
        this.pendingOrders = pendingOrders;
    }

    @GET
    @Path("/pending-orders")
    public List<PendingOrder> pendingOrders(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(3650) Integer days,
            @QueryParam("minItems") @DefaultValue("3") @Min(0) @Max(1_000_000) Integer minItems) {
        return pendingOrders.run(days, minItems);
    }
}
