package shop.faults.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the suite: where it goes (the gateway or a service directly), the raw path and
 * query (already percent-encoded, sent as is), headers and body bytes, and what is wrong with it.
 */
public record Shot(String target, String baseUri, String route, String method, String pathAndQuery,
        Map<String, String> headers, byte[] body, String flaw) {

    public Shot {
        headers = new LinkedHashMap<>(headers);
    }

    public Shot withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Shot(target, baseUri, route, method, pathAndQuery, more, body, flaw);
    }

    /** For a report: the request line, headers and the start of the body, printable. */
    public String describe() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}&&[^\n]]", "?");
        return target + " " + method + " " + pathAndQuery + " " + headers.keySet() + " [" + flaw + "] body("
                + (body == null ? 0 : body.length) + "): " + shown;
    }
}
