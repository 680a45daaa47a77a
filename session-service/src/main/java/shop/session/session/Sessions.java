package shop.session.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.kit.identity.Caller;
import shop.kit.problem.Problem;
import shop.session.SessionConfig;

/**
 * The session rules: create, read, slide, end. A session, and a user's sessions, are the user's
 * own or an admin's; anyone else gets the same 404 as for one that does not exist, so ids cannot
 * be probed (api-contract.md, "Gateway and who may do what").
 */
@ApplicationScoped
public class Sessions {

    /** What a session is called in a 404, whether it does not exist or is someone else's. */
    private static final String SESSION = "session";

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final SessionStore store;
    private final SessionConfig config;
    private final ObjectMapper json;
    private final Caller caller;

    public Sessions(SessionStore store, SessionConfig config, ObjectMapper json, Caller caller) {
        this.store = store;
        this.config = config;
        this.json = json;
        this.caller = caller;
    }

    public CreatedSession create(NewSession request) {
        String token = SessionToken.generate();
        String id = SessionToken.idOf(token);
        String userId = request.userId().toString();
        long ttlMillis = request.ttlSeconds() != null ? request.ttlSeconds() * 1000 : config.ttl().toMillis();
        SessionStore.Created created = store.create(id, userId, Roles.join(request.roles()),
                write(request.data() == null ? Map.of() : request.data()), ttlMillis, config.maxPerUser());
        return new CreatedSession(token, id, userId, created.expiresAt());
    }

    public Session read(String token) {
        String id = SessionToken.idOf(token);
        SessionStore.Stored s = store.find(id).orElseThrow(Sessions::noSuchSession);
        caller.requireOwnOrAdmin(UUID.fromString(s.userId()), SESSION);
        return new Session(id, s.userId(), Roles.parse(s.roles()), Instant.ofEpochMilli(s.createdAt()),
                Instant.ofEpochMilli(s.expiresAt()), dataOf(s.data()));
    }

    public Touched touch(String token) {
        String id = SessionToken.idOf(token);
        String owner = ownerOf(id);
        Instant expiresAt = store.touch(id).orElseThrow(Sessions::noSuchSession);
        return new Touched(id, owner, expiresAt);
    }

    public void end(String token) {
        String id = SessionToken.idOf(token);
        ownerOf(id);
        if (!store.end(id)) {
            throw noSuchSession();
        }
    }

    /** For the gateway: who the bearer token signs in, in one Redis round trip; 401 otherwise. */
    public Identity introspect(String authorization) {
        String token = bearerToken(authorization);
        return store.identity(SessionToken.idOf(token))
                .orElseThrow(() -> Problem.notSignedIn("Unknown or expired session"));
    }

    public UserSessions ofUser(UUID userId) {
        caller.requireOwnOrAdmin(userId, "user");
        List<SessionSummary> sessions = store.list(userId.toString());
        if (sessions.isEmpty()) {
            throw Problem.notFound("No live sessions for this user");
        }
        return new UserSessions(userId.toString(), sessions);
    }

    public void endAllOf(UUID userId) {
        caller.requireOwnOrAdmin(userId, "user");
        if (store.endAll(userId.toString()) == 0) {
            throw Problem.notFound("No live sessions for this user");
        }
    }

    private String ownerOf(String id) {
        String owner = store.ownerOf(id).orElseThrow(Sessions::noSuchSession);
        caller.requireOwnOrAdmin(UUID.fromString(owner), SESSION);
        return owner;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problem.notSignedIn("Send Authorization: Bearer <token>");
        }
        String token = authorization.substring(7).strip();
        if (!SessionToken.looksValid(token)) {
            throw Problem.notSignedIn("Unknown or expired session");
        }
        return token;
    }

    /** Word for word the 404 {@link Caller#requireOwnOrAdmin} gives for someone else's session. */
    private static Problem noSuchSession() {
        return Caller.notFound(SESSION);
    }

    private String write(Map<String, String> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    private Map<String, String> dataOf(String data) {
        try {
            return data == null || data.isEmpty() ? Map.of() : json.readValue(data, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Session data written by this service is JSON", e);
        }
    }
}
