package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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

    @Test
    void pipelineStepsViewsAndMoreInstancesOnThisBox() {
        Args defaults = Args.parse("pipeline");
        assertEquals(List.of(50, 100, 200, 400, 800), defaults.rates());
        assertEquals("both", defaults.view());
        assertTrue(defaults.alsoSearch().isEmpty());
        assertEquals(20, PipelineScenario.stepSeconds(defaults));
        Args args = Args.parse("pipeline", "--rates", "20, 40", "--view", "search", "--duration", "10",
                "--also-search", "http://127.0.0.1:18083", "--also-feed", "18085,127.0.0.1:18086/");
        assertEquals(List.of(20, 40), args.rates());
        assertEquals("search", args.view());
        assertEquals(10, PipelineScenario.stepSeconds(args));
        assertEquals(List.of(18083), args.alsoSearch());
        assertEquals(List.of(18085, 18086), args.alsoFeed());
    }

    @Test
    void pipelineOptionsOutsideTheirBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Args.parse("pipeline", "--rates", "100,50"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("pipeline", "--rates", "0,50"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("pipeline", "--rates", "50,,100"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("pipeline", "--view", "orders"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("pipeline", "--also-search", "http://example.com:8083"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("pipeline", "--also-feed", "127.0.0.1:99999"));
    }
}
