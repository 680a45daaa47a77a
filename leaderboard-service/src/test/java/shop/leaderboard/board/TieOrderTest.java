package shop.leaderboard.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TieOrderTest {

    @Test
    void anEarlierSequenceSortsFirstInReverseMemberOrderAsRedisRanksTies() {
        List<String> members = new ArrayList<>();
        List<String> users = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID().toString()).toList();
        for (int seq = 1; seq <= users.size(); seq++) {
            members.add(TieOrder.member(seq, users.get(seq - 1)));
        }
        // ZREVRANGE orders equal scores by member bytes, descending
        List<String> byRank = members.stream().sorted(Comparator.reverseOrder()).map(TieOrder::userIdOf).toList();
        assertEquals(users, byRank);
    }

    @Test
    void orderHoldsAcrossDigitCountsOfTheSequence() {
        String user = UUID.randomUUID().toString();
        assertTrue(TieOrder.member(9, user).compareTo(TieOrder.member(10, user)) > 0);
        assertTrue(TieOrder.member(1, user).compareTo(TieOrder.member(TieOrder.MAX_SEQUENCE, user)) > 0);
    }

    @Test
    void theMemberCarriesTheUserIdAfterAFixedWidthPrefix() {
        String user = "0b8f4e1c-3b0a-4c9e-9a55-0123456789ab";
        assertEquals("999999999999998" + user, TieOrder.member(1, user));
        assertEquals(user, TieOrder.userIdOf(TieOrder.member(123_456, user)));
        assertEquals(TieOrder.PREFIX_LENGTH + 36, TieOrder.member(7, user).length());
    }

    @Test
    void sequencesOutsideTheRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TieOrder.member(0, "u"));
        assertThrows(IllegalArgumentException.class, () -> TieOrder.member(TieOrder.MAX_SEQUENCE + 1, "u"));
    }
}
