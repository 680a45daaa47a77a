package shop.session.session;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.kit.problem.Problem;
import shop.session.SessionConfig;
import shop.session.access.AccessRules;
import shop.session.access.Caller;

/** The session rules: create, read, slide, end; who may see which session (via {@link AccessRules}). */
@ApplicationScoped
public class Sessions {

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final SessionStore store;
    private final SessionConfig config;
    private final ObjectMapper json;

    public Sessions(SessionStore store, SessionConfig config, ObjectMapper json) {
        this.store = store;
        this.config = config;
        this.json = json;
    }

    public CreatedSession create(NewSession request) {
        String token = SessionToken.generate();
        String id = SessionToken.idOf(token);
        String userId = canonical(request.userId());
        long ttlMillis = request.ttlSeconds() != null ? request.ttlSeconds() * 1000 : config.ttl().toMillis();
        SessionStore.Created created = store.create(id, userId, Roles.join(request.roles()),
                write(request.data() == null ? Map.of() : request.data()), ttlMillis, config.maxPerUser());
        return new CreatedSession(token, id, userId, created.expiresAt());
    }

    public Session read(String token, Caller caller) {
        AccessRules.requireSignedIn(caller);
        String id = SessionToken.idOf(token);
        SessionStore.Stored s = store.find(id).orElseThrow(Sessions::noSuchSession);
        AccessRules.requireOwnerOrAdmin(caller, s.userId(), "session");
        return new Session(id, s.userId(), Roles.parse(s.roles()), Instant.ofEpochMilli(s.createdAt()),
                Instant.ofEpochMilli(s.expiresAt()), read(s.data()));
    }

    public Touched touch(String token, Caller caller) {
        String id = SessionToken.idOf(token);
        String owner = ownerOf(id, caller);
        Instant expiresAt = store.touch(id).orElseThrow(Sessions::noSuchSession);
        return new Touched(id, owner, expiresAt);
    }

    public void end(String token, Caller caller) {
        String id = SessionToken.idOf(token);
        ownerOf(id, caller);
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

    public UserSessions ofUser(String userId, Caller caller) {
        String user = canonical(userId);
        AccessRules.requireOwnerOrAdmin(caller, user, "user");
        List<SessionSummary> sessions = store.list(user);
        if (sessions.isEmpty()) {
            throw Problem.notFound("No live sessions for this user");
        }
        return new UserSessions(user, sessions);
    }

    public void endAllOf(String userId, Caller caller) {
        String user = canonical(userId);
        AccessRules.requireOwnerOrAdmin(caller, user, "user");
        if (store.endAll(user) == 0) {
            throw Problem.notFound("No live sessions for this user");
        }
    }

    private String ownerOf(String id, Caller caller) {
        AccessRules.requireSignedIn(caller);
        String owner = store.ownerOf(id).orElseThrow(Sessions::noSuchSession);
        AccessRules.requireOwnerOrAdmin(caller, owner, "session");
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

    private static String canonical(String userId) {
        return userId.toLowerCase(Locale.ROOT);
    }

    private static Problem noSuchSession() {
        return Problem.notFound("No such session");
    }

    private String write(Map<String, String> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    private Map<String, String> read(String data) {
        try {
            return data == null || data.isEmpty() ? Map.of() : json.readValue(data, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Session data written by this service is JSON", e);
        }
    }
}
