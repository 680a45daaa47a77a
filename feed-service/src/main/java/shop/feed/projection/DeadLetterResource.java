package shop.feed.projection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import shop.feed.FeedConfig;
import shop.feed.item.FeedTable;
import shop.kit.identity.Roles;
import shop.kit.projection.DeadLetterReplay;

/** The feed's dead letters: listed with their reasons, and replayed once the cause is fixed (admins only). */
@Path("/api/feed/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Blocking
public class DeadLetterResource {

    private static final String PREFIX = "outbox.event.";

    private final DeadLetterReplay deadLetters;
    private final FeedTable table;
    private final FeedConfig config;

    DeadLetterResource(DeadLetterReplay deadLetters, FeedTable table, FeedConfig config) {
        this.deadLetters = deadLetters;
        this.table = table;
        this.config = config;
    }

    @GET
    public DeadLetterReplay.Listing list() {
        return deadLetters.list();
    }

    /** Each pending dead letter through the projection's own reading and conditional put, once. */
    @POST
    @Path("/replay")
    public DeadLetterReplay.Replayed replay() {
        return deadLetters.replay(record -> {
            // the aggregate is the original topic's: outbox.event.order -> order
            String aggregate = record.topic().startsWith(PREFIX) ? record.topic().substring(PREFIX.length()) : "";
            table.add(OutboxEnvelope.toItem(aggregate, record.value(), config.ttl()));
        });
    }
}
