package shop.ops.suite;

import java.util.List;

/**
 * One service as its readiness check and build information tell it: {@code UP}, {@code DOWN}
 * (it answered, and a check failed), or {@code UNKNOWN} (no answer: {@code reason} says why).
 */
public record ServiceState(String name, String status, String version, List<Check> checks, String reason) {

    /** One readiness check: its name as the service reports it, and UP or DOWN. */
    public record Check(String name, String status) {
    }
}
