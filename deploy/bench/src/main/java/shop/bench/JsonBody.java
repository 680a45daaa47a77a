package shop.bench;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields the harness reads from a JSON body: a service's answer, or the order the baseline's
 * front receives. A path names nested fields with dots and array elements by index
 * ({@code hits.total.value}, {@code hits.0.id}). A missing field (or JSON null) fails with the
 * field and the start of the body: a run that meets an error page or a changed answer says what it
 * got instead of a bare null.
 */
final class JsonBody {

    /** Thread-safe once built, and costly to build: one for every body of every worker. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 200;

    private final String body;
    private JsonNode root;

    private JsonBody(String body) {
        this.body = body;
    }

    /** Parsed on the first read, so a body that is not JSON fails naming the field the caller wanted. */
    static JsonBody of(String body) {
        return new JsonBody(body == null ? "" : body);
    }

    String text(String path) {
        JsonNode field = at(path);
        if (!field.isTextual()) {
            throw unexpected("\"" + path + "\" is not text");
        }
        return field.textValue();
    }

    long number(String path) {
        JsonNode field = at(path);
        if (!field.isIntegralNumber() || !field.canConvertToLong()) {
            throw unexpected("\"" + path + "\" is not a whole number");
        }
        return field.longValue();
    }

    /** {@code field} of each element of the array at {@code arrayPath}, in order; an empty array gives none. */
    List<String> texts(String arrayPath, String field) {
        JsonNode array = at(arrayPath);
        if (!array.isArray()) {
            throw unexpected("\"" + arrayPath + "\" is not an array");
        }
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            values.add(text(arrayPath + "." + i + "." + field));
        }
        return values;
    }

    /**
     * The part of the body at {@code path} as a Jackson tree, a missing node when the body has none
     * there: for an answer the caller walks itself (an Elasticsearch suggester's entries, each with
     * or without an option; a page's hits). A body that is not JSON still fails, naming the path.
     */
    JsonNode tree(String path) {
        return walk(path);
    }

    private JsonNode at(String path) {
        JsonNode node = walk(path);
        if (node.isMissingNode() || node.isNull()) {
            throw unexpected("no \"" + path + "\"");
        }
        return node;
    }

    private JsonNode walk(String path) {
        JsonNode node = root(path);
        for (String step : path.split("\\.")) {
            node = node.isArray() && step.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(step))
                    : node.path(step);
        }
        return node;
    }

    private JsonNode root(String path) {
        if (root == null) {
            try {
                root = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw unexpected("no \"" + path + "\": not JSON (" + e.getOriginalMessage() + ")");
            }
        }
        return root;
    }

    private IllegalStateException unexpected(String what) {
        String start = body.length() <= SHOWN ? body : body.substring(0, SHOWN) + "…";
        return new IllegalStateException(what + " in the body: " + start);
    }
}
