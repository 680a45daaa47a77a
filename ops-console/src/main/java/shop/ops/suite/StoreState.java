package shop.ops.suite;

/**
 * One store or server: {@code UP}, {@code DOWN}, {@code UNKNOWN} (nobody could tell) or
 * {@code ABSENT} (not part of this installation, e.g. no Prometheus); {@code via} says who told.
 */
public record StoreState(String name, String status, String via, String detail) {
}
