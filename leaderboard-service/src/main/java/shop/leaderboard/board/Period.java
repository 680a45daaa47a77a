package shop.leaderboard.board;

import java.util.Arrays;
import java.util.Optional;

import shop.kit.problem.Problem;

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

    /** {@code ?period=} as JAX-RS converts it: 400 naming the parameter when it names no period. */
    public static Period fromString(String label) {
        return parse(label).orElseThrow(() -> Problem.invalid("period", "must be one of weekly, daily, all-time"));
    }

    /** The period named by {@code ?period=}, exactly as the contract spells it. */
    public static Optional<Period> parse(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }
}
