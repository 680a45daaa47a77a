package shop.catalog.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A shop user (V2__users.sql). The password exists here only as a bcrypt hash. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    public static final String CUSTOMER = "customer";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Served by the unique index on lower(email). */
    public static Optional<User> byEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }
}
