package shop.session.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import shop.session.Uuids;
import shop.session.access.Caller;

@Path("/api/notifications/{userId}")
public class NotificationResource {

    private final Notifications notifications;

    public NotificationResource(Notifications notifications) {
        this.notifications = notifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("userId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String userId,
            @NotNull @Valid NewNotification body, @BeanParam Caller caller) {
        return Response.accepted(notifications.publish(userId, body, caller)).build();
    }

    /** Blocking: it waits for Redis to confirm the subscription before the response starts. */
    @GET
    @Path("stream")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Notification> stream(@PathParam("userId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String userId,
            @BeanParam Caller caller) {
        return notifications.stream(userId, caller);
    }
}
