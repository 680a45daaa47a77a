package shop.bench;

/** One request of a scenario: returns its label (for the table) and whether it succeeded. */
@FunctionalInterface
public interface Call {

    record Outcome(String label, boolean ok) {
    }

    /** @param i the request's index in its phase, for choosing what to ask deterministically */
    Outcome run(long i) throws Exception;
}
