package shop.bench;

/** A named benchmark: {@code deploy/bench/run <name> ...}. Register new ones in {@link Main}. */
interface Scenario {

    String name();

    /** One line for {@code deploy/bench/run list}. */
    String summary();

    /** Runs, printing into {@code report}; the runner writes the report file afterwards. */
    void run(Args args, Report report) throws Exception;

    /** Whether the run produced figures worth a results file. */
    default boolean writesResults() {
        return true;
    }
}
