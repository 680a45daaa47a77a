package shop.catalog.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Kafka Connect's REST API, as far as the outbox pipeline's watch needs it (built by OutboxPipeline when configured). */
@Path("/connectors")
interface KafkaConnectApi {

    /** {@code {name, connector: {state, worker_id}, tasks: [{id, state, worker_id, trace?}]}} */
    @GET
    @Path("/{name}/status")
    JsonNode status(@PathParam("name") String connector);
}
