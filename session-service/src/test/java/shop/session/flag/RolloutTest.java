package shop.session.flag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The rollout rule alone: no Quarkus, no Redis. */
class RolloutTest {

    /** 10,000 users, the same every run (name-based UUIDs). */
    private static final List<String> USERS = IntStream.range(0, 10_000)
            .mapToObj(i -> UUID.nameUUIDFromBytes(("user-" + i).getBytes(StandardCharsets.UTF_8)).toString())
            .toList();

    private static long onCount(String flag, int percent) {
        return USERS.stream().filter(user -> Rollout.isOn(true, percent, Set.of(), flag, user)).count();
    }

    @Test
    void aPercentReachesThatShareOfUsersWithinTwoPercent() {
        for (String flag : List.of("new-checkout", "dark-mode", "x")) {
            for (int percent : List.of(1, 10, 25, 50, 75, 90, 99)) {
                double share = onCount(flag, percent) * 100.0 / USERS.size();
                assertThat(share).as("%s at %d%%", flag, percent).isBetween(percent - 2.0, percent + 2.0);
            }
        }
    }

    @Test
    void aUsersAnswerNeverChangesBetweenCalls() {
        for (String user : USERS.subList(0, 1000)) {
            boolean first = Rollout.isOn(true, 30, Set.of(), "new-checkout", user);
            for (int call = 0; call < 5; call++) {
                assertThat(Rollout.isOn(true, 30, Set.of(), "new-checkout", user)).isEqualTo(first);
            }
        }
    }

    @Test
    void theBucketIsAFixedFunctionOfFlagAndUser() {
        // pinned: another instance, JVM or release must put this user in the same bucket
        assertThat(Rollout.bucket("new-checkout", "00000000-0000-0000-0000-000000000001"))
                .isEqualTo(Rollout.bucket("new-checkout", "00000000-0000-0000-0000-000000000001"))
                .isBetween(0, Rollout.BUCKETS - 1);
        assertThat(USERS.stream().mapToInt(u -> Rollout.bucket("f", u)).allMatch(b -> b >= 0 && b < Rollout.BUCKETS))
                .isTrue();
    }

    @Test
    void raisingThePercentOnlyAddsUsers() {
        for (String user : USERS) {
            boolean wasOn = false;
            for (int percent = 0; percent <= 100; percent++) {
                boolean on = Rollout.isOn(true, percent, Set.of(), "gradual", user);
                assertThat(!wasOn || on).as("user %s switched off at %d%%", user, percent).isTrue();
                wasOn = on;
            }
        }
    }

    @Test
    void zeroReachesNobodyAndAHundredEverybody() {
        assertThat(onCount("f", 0)).isZero();
        assertThat(onCount("f", 100)).isEqualTo(USERS.size());
    }

    @Test
    void aDisabledFlagIsOffEvenForListedUsers() {
        String user = USERS.get(0);
        assertThat(Rollout.isOn(false, 100, Set.of(user), "f", user)).isFalse();
    }

    @Test
    void listedUsersAreOnWhateverThePercent() {
        String user = USERS.get(0);
        assertThat(Rollout.isOn(true, 0, Set.of(user), "f", user)).isTrue();
        assertThat(Rollout.isOn(true, 0, Set.of(user), "f", USERS.get(1))).isFalse();
    }

    @Test
    void differentFlagsReachDifferentUsers() {
        long both = USERS.stream()
                .filter(u -> Rollout.isOn(true, 10, Set.of(), "alpha", u) && Rollout.isOn(true, 10, Set.of(), "beta", u))
                .count();
        // independent 10% samples overlap in about 1% of users, not 10%
        assertThat(both).isLessThan(300);
    }
}
