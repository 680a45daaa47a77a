package shop.bench;

/** One request of a scenario: returns its label (for the table) and whether it succeeded. */
@FunctionalInterface
public interface Call {

    /**
     * What one request came to. {@code ok} is what the request itself showed (its status, its
     * headers); {@code answer}, when a request has one, reads its body and says whether that holds
     * too. A phase takes the request's latency sample first and only then asks {@link #succeeded()},
     * so parsing a body is never part of a latency: read the outcome through that, not {@code ok}.
     */
    record Outcome(String label, boolean ok, Answer answer) {

        public Outcome(String label, boolean ok) {
            this(label, ok, null);
        }

        /** {@code ok}, and then whether the answer holds; an answer that cannot be read is a failure. */
        public boolean succeeded() {
            if (!ok || answer == null) {
                return ok;
            }
            try {
                return answer.holds();
            } catch (Exception e) {
                return false;
            }
        }

        public Outcome labelled(String other) {
            return new Outcome(other, ok, answer);
        }
    }

    /** What is left to do with a request's answer once its latency is taken: read it, and say whether it holds. */
    @FunctionalInterface
    interface Answer {
        boolean holds() throws Exception;
    }

    /** @param i the request's index in its phase, for choosing what to ask deterministically */
    Outcome run(long i) throws Exception;
}
