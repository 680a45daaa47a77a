package shop.session.notification;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/** Signed in: {@link Notifications} lets only the user or an admin send to or listen on a user's notifications. */
@Path("/api/notifications/{userId}")
@Authenticated
public class NotificationResource {

    private final Notifications notifications;

    public NotificationResource(Notifications notifications) {
        this.notifications = notifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Published to the user's open streams, on whichever instance they are",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Notification.class)))
    public Response publish(@PathParam("userId") UUID userId, @NotNull @Valid NewNotification body) {
        return Response.accepted(notifications.publish(userId, body)).build();
    }

    /** Blocking: it waits for Redis to confirm the subscription before the response starts. */
    @GET
    @Path("stream")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Notification> stream(@PathParam("userId") UUID userId) {
        return notifications.stream(userId);
    }
}
