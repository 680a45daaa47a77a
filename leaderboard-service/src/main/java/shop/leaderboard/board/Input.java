package shop.leaderboard.board;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.leaderboard.problem.FieldError;
import shop.leaderboard.problem.InvalidInput;
import shop.leaderboard.problem.TooLarge;

/**
 * Reads the parts of one request, collecting every invalid field, then {@link #orThrow()}
 * throws a single {@link InvalidInput} naming them all. Parameters arrive as strings so that a
 * non-numeric {@code count} is a 400 naming the field, not the framework's 404.
 */
final class Input {

    static final Pattern BOARD = Pattern.compile("[a-z0-9-]{1,64}");
    // canonical UUID text only: UUID.fromString also accepts forms like "1-1-1-1-1"
    static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final int MAX_BODY_BYTES = 1024;
    static final int MAX_COUNT = 100;
    static final int MAX_RADIUS = 50;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final List<FieldError> errors = new ArrayList<>();

    String board(String value) {
        return check("board", value != null && BOARD.matcher(value).matches(),
                "must match [a-z0-9-]{1,64}", value);
    }

    /** The user id, lower-cased so one user is one member whatever case the client used. */
    String userId(String value) {
        return check("userId", value != null && UUID.matcher(value).matches(), "must be a UUID",
                value == null ? null : value.toLowerCase(Locale.ROOT));
    }

    Period period(String value) {
        if (value == null) {
            return Period.ALL_TIME;
        }
        return Period.parse(value).orElseGet(() -> {
            errors.add(new FieldError("period", "must be one of weekly, daily, all-time"));
            return null;
        });
    }

    int count(String value) {
        return bounded("count", value, 10, 1, MAX_COUNT);
    }

    int radius(String value) {
        return bounded("radius", value, 5, 0, MAX_RADIUS);
    }

    /** The whole-number field {@code field} of a JSON object body, within {@link ScoreRange}. */
    long wholeNumber(String body, String field) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new TooLarge("the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        if (body == null || body.isBlank()) {
            return fail("body", "must be a JSON object with " + field);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            return fail("body", "is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            return fail("body", "must be a JSON object with " + field);
        }
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return fail(field, "is required");
        }
        if (!value.isIntegralNumber()) {
            return fail(field, "must be a whole number");
        }
        BigInteger number = value.bigIntegerValue();
        if (number.abs().compareTo(BigInteger.valueOf(ScoreRange.MAX_ABS)) > 0) {
            return fail(field, "must be between -" + ScoreRange.MAX_ABS + " and " + ScoreRange.MAX_ABS);
        }
        return number.longValueExact();
    }

    void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private int bounded(String field, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private long fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return 0;
    }

    private <T> T check(String field, boolean valid, String message, T value) {
        if (!valid) {
            errors.add(new FieldError(field, message));
        }
        return value;
    }
}
