package shop.search.projection;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import shop.kit.identity.Roles;
import shop.kit.projection.DeadLetterReplay;
import shop.search.index.ProductIndex;
import shop.search.index.ProductIndex.Outcome;
import shop.search.index.ProductIndex.Result;

/** The index's dead letters: listed with their reasons, and replayed once the cause is fixed (admins only). */
@Path("/api/search/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    private final DeadLetterReplay deadLetters;
    private final ProductIndex index;
    private final ObjectMapper json;

    DeadLetterResource(DeadLetterReplay deadLetters, ProductIndex index, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.index = index;
        this.json = json;
    }

    @GET
    public DeadLetterReplay.Listing list() {
        return deadLetters.list();
    }

    /** Each pending dead letter through the projection's own parsing and version guard, once. */
    @POST
    @Path("/replay")
    public DeadLetterReplay.Replayed replay() {
        return deadLetters.replay(record -> {
            ProductEvent event = ProductEvent.parse(record.key(), record.value(), json);
            Result result = index.applyOnce(List.of(event.write())).get(0);
            if (result.outcome() == Outcome.REJECTED) {
                throw new IllegalStateException("refused by Elasticsearch: " + result.reason());
            }
        });
    }
}
