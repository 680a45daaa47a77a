package shop.catalog.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import shop.catalog.outbox.Outbox;
import shop.kit.problem.Problem;

/** Registration, login and logout, and the admin account from configuration. */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);
    private static final String INVALID_LOGIN = "wrong email or password";

    private final Passwords passwords;
    private final Sessions sessions;
    private final Outbox outbox;
    private final EntityManager em;

    public UserService(Passwords passwords, Sessions sessions, Outbox outbox, EntityManager em) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.outbox = outbox;
        this.em = em;
    }

    @Transactional
    public UserView register(Registration registration) {
        String email = registration.email().strip();
        if (User.byEmail(email).isPresent()) {
            throw Problem.conflict("an account with this email exists");
        }
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = email;
        user.name = registration.name().strip();
        user.passwordHash = passwords.hash(registration.password());
        user.role = User.CUSTOMER;
        user.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // the unique index on lower(email) settles a race between two registrations (409)
        user.persistAndFlush();
        UserView view = UserView.of(user);
        outbox.publish("user", user.id, "user.registered", 1, view);
        return view;
    }

    public UserView find(UUID id) {
        return User.<User>findByIdOptional(id).map(UserView::of)
                .orElseThrow(() -> Problem.notFound("user not found"));
    }

    /**
     * Not transactional: no database connection is held while session-service answers. An
     * unknown email and a wrong password give the same answer after about the same time.
     */
    public Sessions.Session login(Credentials credentials) {
        User user = User.byEmail(credentials.email().strip()).orElse(null);
        if (user == null) {
            passwords.matchNobody(credentials.password());
            throw Problem.notSignedIn(INVALID_LOGIN);
        }
        if (!passwords.matches(credentials.password(), user.passwordHash)) {
            throw Problem.notSignedIn(INVALID_LOGIN);
        }
        return sessions.start(user.id, user.role);
    }

    public void logout(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw Problem.notSignedIn("a Bearer token is required");
        }
        sessions.end(authorization.substring(7).strip());
    }

    /** Creates the admin account unless an account with that email exists (then nothing changes). */
    @Transactional
    public void ensureAdmin(String email, String password) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int created = em.createNativeQuery("INSERT INTO users (id, email, name, password_hash, role, created_at)"
                        + " VALUES (:id, :email, 'Administrator', :hash, 'admin', :now)"
                        + " ON CONFLICT ((lower(email))) DO NOTHING")
                .setParameter("id", id)
                .setParameter("email", email.strip())
                .setParameter("hash", passwords.hash(password))
                .setParameter("now", now)
                .executeUpdate();
        if (created == 1) {
            outbox.publish("user", id, "user.registered", 1,
                    new UserView(id, email.strip(), "Administrator", "admin", now));
            LOG.infof("admin account %s created from configuration", email);
        }
    }
}
