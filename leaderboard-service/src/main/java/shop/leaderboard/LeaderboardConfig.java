package shop.leaderboard;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the leaderboards, under {@code leaderboard.*}. */
@ConfigMapping(prefix = "leaderboard")
public interface LeaderboardConfig {

    /** How long a weekly board's keys live on after its ISO week ends (UTC). */
    @WithDefault("P14D")
    Duration weeklyRetention();

    /** How long a daily board's keys live on after its UTC day ends. */
    @WithDefault("P2D")
    Duration dailyRetention();
}
