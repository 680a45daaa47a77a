package shop.leaderboard.board;

import java.util.Arrays;
import java.util.Optional;

/** How long a board's ranking runs before it starts over. */
public enum Period {
    ALL_TIME("all-time"),
    WEEKLY("weekly"),
    DAILY("daily");

    private final String label;

    Period(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The period named by {@code ?period=}, exactly as the contract spells it. */
    public static Optional<Period> parse(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }
}
