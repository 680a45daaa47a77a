package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LeaderboardSeederTest {

    @Test
    void usersAndScoresAreDerivedFromTheIndexSoABenchmarkCanPickAnyUser() {
        assertEquals(LeaderboardSeeder.userId(12345), LeaderboardSeeder.userId(12345));
        assertEquals(LeaderboardSeeder.score(12345), LeaderboardSeeder.score(12345));
        assertTrue(LeaderboardSeeder.userId(1).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void scoresStayInRangeAndSpreadOut() {
        Set<Long> distinct = new HashSet<>();
        LongStream.range(0, 100_000).map(LeaderboardSeeder::score).forEach(s -> {
            assertTrue(s >= 0 && s < LeaderboardSeeder.MAX_SCORE, "score " + s);
            distinct.add(s);
        });
        assertTrue(distinct.size() > 90_000, "distinct " + distinct.size());
    }

    @Test
    void membersFollowTheServicesTieOrderLayout() {
        String user = "0b8f4e1c-3b0a-4c9e-9a55-0123456789ab";
        // leaderboard-service TieOrder.member(1, user), see its TieOrderTest
        assertEquals("999999999999998" + user, LeaderboardSeeder.member(1, user));
        assertTrue(LeaderboardSeeder.member(1, user).compareTo(LeaderboardSeeder.member(2, user)) > 0);
        assertEquals("lb:{bench}:all", LeaderboardSeeder.ranking("bench"));
    }
}
