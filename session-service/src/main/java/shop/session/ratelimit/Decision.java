package shop.session.ratelimit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One call's verdict. {@code remaining}: whole calls left right now; {@code resetAt}: when the
 * key's full allowance is back; {@code retryAfterSeconds} (429 only): when the next call will be
 * allowed, as the {@code Retry-After} header says.
 */
public record Decision(boolean allowed, long remaining, Instant resetAt, @JsonIgnore long retryAfterSeconds) {
}
