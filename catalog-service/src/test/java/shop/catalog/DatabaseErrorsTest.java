package shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import shop.kit.problem.Problem;
import shop.kit.problem.ProblemType;

/** What PostgreSQL's refusals mean to a client, the rule alone (no database: the driver's exceptions as it throws them). */
class DatabaseErrorsTest {

    private final DatabaseErrors errors = new DatabaseErrors();

    private Optional<ProblemType> typeOf(Throwable failure) {
        return errors.problemFor(failure).map(Problem::type);
    }

    /** As Hibernate hands a constraint violation on: the driver's exception two causes down. */
    private static PersistenceException refused(String sqlState) {
        return new PersistenceException("could not execute statement",
                new RuntimeException(new SQLException("ERROR: refused", sqlState)));
    }

    @Test
    void aConstraintTheDatabaseEnforcesAnswersWhatTheServicesCheckWould() {
        assertThat(typeOf(refused("23505"))).contains(ProblemType.CONFLICT);
        assertThat(typeOf(refused("23503"))).contains(ProblemType.REFUSED);
        assertThat(typeOf(refused("23514"))).contains(ProblemType.INVALID_INPUT);
        assertThat(typeOf(refused("22001"))).contains(ProblemType.INVALID_INPUT);
        assertThat(typeOf(refused("22003"))).contains(ProblemType.INVALID_INPUT);
    }

    @Test
    void aLostRaceOnAVersionIs412() {
        assertThat(typeOf(new OptimisticLockException("changed meanwhile"))).contains(ProblemType.STALE_VERSION);
        assertThat(typeOf(new RuntimeException(new StaleObjectStateException("Product", 1L))))
                .contains(ProblemType.STALE_VERSION);
    }

    @Test
    void noFreePooledConnectionIs503WithAShortRetryAfter() {
        Problem busy = errors.problemFor(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))).orElseThrow();
        assertThat(busy.type()).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(busy.headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void anythingElseMeansNothingKnown() {
        assertThat(typeOf(refused("42P01"))).isEmpty();
        assertThat(typeOf(new SQLException("no state"))).isEmpty();
        assertThat(typeOf(new IllegalStateException("a bug"))).isEmpty();
    }
}
