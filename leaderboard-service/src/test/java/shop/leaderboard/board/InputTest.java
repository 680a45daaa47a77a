package shop.leaderboard.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import shop.leaderboard.problem.FieldError;
import shop.leaderboard.problem.InvalidInput;
import shop.leaderboard.problem.TooLarge;

class InputTest {

    private static List<String> fieldsRejected(java.util.function.Consumer<Input> read) {
        Input in = new Input();
        read.accept(in);
        return assertThrows(InvalidInput.class, in::orThrow).errors().stream().map(FieldError::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"score\":1.5}", "{\"score\":\"12\"}", "{\"score\":1e3}", "{\"score\":true}",
            "{\"score\":1000000000000001}", "{\"score\":-1000000000000001}", "{\"score\":99999999999999999999999}",
            "{\"score\":null}", "{}"})
    void scoresMustBeWholeNumbersWithinTheRange(String body) {
        assertEquals(List.of("score"), fieldsRejected(in -> in.wholeNumber(body, "score")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[1]", "12", "{\"score\":NaN}", "{\"score\":Infinity}", "{\"score\":1}x"})
    void bodiesThatAreNotOneJsonObjectAreRejectedAsBody(String body) {
        assertEquals(List.of("body"), fieldsRejected(in -> in.wholeNumber(body, "score")));
    }

    @Test
    void theRangesEndsAreAccepted() {
        Input in = new Input();
        assertEquals(1_000_000_000_000_000L, in.wholeNumber("{\"score\":1000000000000000}", "score"));
        assertEquals(-1_000_000_000_000_000L, in.wholeNumber("{\"score\":-1000000000000000}", "score"));
        in.orThrow();
    }

    @Test
    void bodiesOverOneKibibyteAreTooLarge() {
        String body = "{\"score\":1,\"pad\":\"" + "x".repeat(1100) + "\"}";
        assertThrows(TooLarge.class, () -> new Input().wholeNumber(body, "score"));
    }

    @ParameterizedTest
    @CsvSource({"count,0", "count,101", "count,-1", "count,ten", "count,1.5", "radius,-1", "radius,51", "radius,x"})
    void countsAndRadiiOutsideTheirRangesAreRejected(String field, String value) {
        assertEquals(List.of(field), fieldsRejected(in -> {
            if (field.equals("count")) {
                in.count(value);
            } else {
                in.radius(value);
            }
        }));
    }

    @Test
    void absentParametersTakeTheirDefaults() {
        Input in = new Input();
        assertEquals(10, in.count(null));
        assertEquals(5, in.radius(null));
        assertEquals(Period.ALL_TIME, in.period(null));
        in.orThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chess", "chess_2026", "", "a b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void boardNamesOutsideThePatternAreRejected(String board) {
        assertEquals(List.of("board"), fieldsRejected(in -> in.board(board)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "1-1-1-1-1", "0b8f4e1c3b0a4c9e9a550123456789ab", "0b8f4e1c-3b0a-4c9e-9a55-0123456789abc"})
    void userIdsMustBeCanonicalUuids(String userId) {
        assertEquals(List.of("userId"), fieldsRejected(in -> in.userId(userId)));
    }

    @Test
    void userIdsAreLowerCased() {
        assertEquals("0b8f4e1c-3b0a-4c9e-9a55-0123456789ab", new Input().userId("0B8F4E1C-3B0A-4C9E-9A55-0123456789AB"));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        assertEquals(List.of("board", "period", "userId"), fieldsRejected(in -> {
            in.board("Bad");
            in.period("monthly");
            in.userId("nope");
        }));
    }
}
