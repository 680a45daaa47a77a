package shop.catalog;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import shop.kit.problem.Problem;
import shop.kit.problem.ProblemType;
import shop.kit.problem.StoreErrors;

/**
 * What PostgreSQL's refusals mean to a client. A constraint the database enforces catches a
 * request that raced past the service's own check, and answers what the check would have: a
 * unique key is 409, a missing referent 422, a value out of range 400. A write that lost the race
 * on a row's version is 412; a pool with no free connection within its acquisition timeout is 503.
 */
@ApplicationScoped
public class DatabaseErrors implements StoreErrors {

    /** A pool wait is short (quarkus.datasource.jdbc.acquisition-timeout): a second is enough. */
    static final String RETRY_AFTER_BUSY = "1";

    @Override
    public Optional<Problem> problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Optional.of(Problem.stale("changed meanwhile; read it again"));
            }
            if (cause instanceof SQLException sql) {
                Optional<Problem> known = problemFor(sql);
                if (known.isPresent()) {
                    return known;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problemFor(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return switch (state) {
            case "23505" -> Optional.of(Problem.conflict("it exists already"));
            case "23503" -> Optional.of(Problem.refused("it refers to something that does not exist"));
            case "23514", "22001", "22003" -> Optional.of(Problem.of(ProblemType.INVALID_INPUT, "a value is out of range"));
            default -> sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")
                    ? Optional.of(Problem.unavailable("too busy right now; retry shortly")
                            .withHeader("Retry-After", RETRY_AFTER_BUSY))
                    : Optional.empty();
        };
    }
}
