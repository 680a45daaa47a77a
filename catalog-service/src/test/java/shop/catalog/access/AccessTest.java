package shop.catalog.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import shop.kit.problem.Problem;

/** The rules alone, no Quarkus. */
class AccessTest {

    private static final UUID ME = UUID.randomUUID();

    private static int statusOf(Runnable rule) {
        try {
            rule.run();
            return 200;
        } catch (Problem problem) {
            return problem.status();
        }
    }

    @Test
    void nobodySignedInIs401ForAnythingThatNeedsSignIn() {
        Caller nobody = Caller.of(null, null);
        assertThat(statusOf(() -> Access.signedIn(nobody))).isEqualTo(401);
        assertThat(statusOf(() -> Access.admin(nobody))).isEqualTo(401);
        assertThat(statusOf(() -> Access.owns(nobody, ME, "order"))).isEqualTo(401);
        assertThat(statusOf(() -> Access.signedIn(Caller.of("not-a-uuid", "admin")))).isEqualTo(401);
    }

    @Test
    void aCustomerOwnsTheirOwnAndSeesNothingOfOthers() {
        Caller me = Caller.of(ME.toString(), "customer");
        assertThat(statusOf(() -> Access.owns(me, ME, "order"))).isEqualTo(200);
        assertThat(statusOf(() -> Access.owns(me, UUID.randomUUID(), "order"))).isEqualTo(404);
        assertThat(statusOf(() -> Access.actsFor(me, UUID.randomUUID()))).isEqualTo(403);
        assertThat(statusOf(() -> Access.admin(me))).isEqualTo(403);
    }

    @Test
    void anAdminMayDoAnythingAmongSeveralRoles() {
        Caller admin = Caller.of(ME.toString(), "customer, admin");
        assertThat(statusOf(() -> Access.admin(admin))).isEqualTo(200);
        assertThat(statusOf(() -> Access.owns(admin, UUID.randomUUID(), "order"))).isEqualTo(200);
        assertThat(statusOf(() -> Access.actsFor(admin, UUID.randomUUID()))).isEqualTo(200);
        assertThatThrownBy(() -> Access.admin(Caller.of(ME.toString(), "administrator"))).isInstanceOf(Problem.class);
    }
}
