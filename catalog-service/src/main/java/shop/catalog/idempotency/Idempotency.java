package shop.catalog.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import shop.kit.problem.Problem;

/**
 * {@code Idempotency-Key}: the same key and body within 24 h gets the first response and changes
 * nothing; the same key with another body is refused (422).
 *
 * <p>Insert first, in the business transaction: the key row is claimed before the work is done.
 * A concurrent duplicate blocks on the primary key until the first transaction ends, then finds
 * the stored response (or, if the first rolled back, claims the key itself). Only a successful
 * response is stored: a failure rolls the claim back with everything else.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** A status and body, fresh or replayed. */
    public record Reply(int status, Object body) {
        public Response toResponse() {
            return Response.status(status).entity(body).build();
        }
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public Idempotency(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Reply once(String scope, String key, Object request, Supplier<Reply> work) {
        if (key == null) {
            return work.get();
        }
        String hash = sha256(request);
        // a key older than 24 h is free again: it is taken over, not replayed
        int claimed = em.createNativeQuery("INSERT INTO idempotency_keys (scope, key, request_hash) VALUES (:scope, :key, :hash)"
                        + " ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,"
                        + " response_status = NULL, response_body = NULL, created_at = now()"
                        + " WHERE idempotency_keys.created_at < now() - interval '24 hours'")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .executeUpdate();
        if (claimed == 1) {
            Reply reply = work.get();
            em.createNativeQuery("UPDATE idempotency_keys SET response_status = :status, response_body = CAST(:body AS jsonb)"
                            + " WHERE scope = :scope AND key = :key")
                    .setParameter("status", reply.status())
                    .setParameter("body", write(reply.body()))
                    .setParameter("scope", scope)
                    .setParameter("key", key)
                    .executeUpdate();
            return reply;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, response_status, CAST(response_body AS text)"
                        + " FROM idempotency_keys WHERE scope = :scope AND key = :key")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .getResultList();
        if (rows.isEmpty()) {
            throw Problem.conflict("a request with this " + HEADER + " is in progress; retry");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw Problem.refused("this " + HEADER + " was used with a different request");
        }
        if (row[1] == null) {
            throw Problem.conflict("a request with this " + HEADER + " is in progress; retry");
        }
        return new Reply(((Number) row[1]).intValue(), read((String) row[2]));
    }

    private String sha256(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the response", e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored response is not JSON", e);
        }
    }
}
