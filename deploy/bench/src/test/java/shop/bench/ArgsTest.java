package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void defaultsMatchTheLeaderboardGoal() {
        Args args = Args.parse("leaderboard");
        assertEquals("leaderboard", args.scenario());
        assertEquals(1000, args.rate());
        assertEquals(30, args.durationSeconds());
        assertEquals(1_000_000, args.users());
        assertEquals(8086, args.servicePort());
        assertEquals(6379, args.redisPort());
        assertEquals("bench", args.board());
    }

    @Test
    void optionsTakeTheNextArgumentOrAnEqualsSign() {
        Args args = Args.parse("--rate", "500", "leaderboard", "--duration=10", "--users", "1_000", "--reseed");
        assertEquals(500, args.rate());
        assertEquals(10, args.durationSeconds());
        assertEquals(1000, args.users());
        assertTrue(args.reseed());
    }

    @Test
    void numbersOutsideTheirBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "--rate", "0"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "--rate", "20001"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "--duration", "601"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "--users", "lots"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "--workers", "257"));
    }

    @Test
    void unknownOptionsMissingValuesAndExtraScenariosAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "--host", "example.com"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "--rate"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "sessions"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse());
        assertThrows(IllegalArgumentException.class, () -> Args.parse("leaderboard", "--board", "Bench!"));
    }
}
