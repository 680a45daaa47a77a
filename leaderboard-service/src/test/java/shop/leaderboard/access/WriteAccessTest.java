package shop.leaderboard.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import shop.leaderboard.problem.NotPermitted;
import shop.leaderboard.problem.NotSignedIn;

class WriteAccessTest {

    private final WriteAccess access = new WriteAccess();
    private static final String USER = "0b8f4e1c-3b0a-4c9e-9a55-0123456789ab";

    @Test
    void withoutAnIdentityTheCallerIsNotSignedIn() {
        assertThrows(NotSignedIn.class, () -> access.requireAdmin(null, "admin"));
        assertThrows(NotSignedIn.class, () -> access.requireAdmin(" ", "admin"));
    }

    @Test
    void aSignedInNonAdminIsNotPermitted() {
        assertThrows(NotPermitted.class, () -> access.requireAdmin(USER, null));
        assertThrows(NotPermitted.class, () -> access.requireAdmin(USER, "customer"));
        assertThrows(NotPermitted.class, () -> access.requireAdmin(USER, "administrator,Admin"));
    }

    @Test
    void anAdminMayWriteWhateverOtherRolesTheyHold() {
        assertDoesNotThrow(() -> access.requireAdmin(USER, "admin"));
        assertDoesNotThrow(() -> access.requireAdmin(USER, "customer,admin"));
        assertDoesNotThrow(() -> access.requireAdmin(USER, "customer admin"));
    }
}
