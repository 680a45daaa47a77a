package shop.faults.corpus;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hostile values the corpus draws from. Path segments are percent-encoded here (sent as is);
 * JSON values are JSON texts; bodies are raw bytes. Every kind the issue names is here: wrong
 * types, huge strings, unicode edge cases (lone surrogates, NUL, RTL override, emoji, overlong
 * UTF-8), invalid JSON, negative and overflow numbers, bad UUIDs, path traversal (raw and encoded),
 * search query DSL and SQL meta-characters.
 */
public final class Hostile {

    private Hostile() {
    }

    /** Path segments no route accepts as an id, token, key or name. */
    public static final List<String> SEGMENTS = List.of(
            "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "0", "-1", "99999999999999999999999999",
            "1e400", "NaN", "null", "true", "%00", "a%00b", "%ED%A0%80", "%ED%B0%80x", "%C0%AE%C0%AE%C0%AF",
            "%C0%80", "%E2%80%AE", "%F0%9F%92%A9", "%FF%FE", "%EF%BB%BF", "*", "~", "AND", "OR%201%3D1",
            "%7B%22query%22%3A%7B%22match_all%22%3A%7B%7D%7D%7D", "'%20OR%20'1'%3D'1", "1%3BDROP%20TABLE%20products",
            "%22%3B--", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e",
            "..%5c..%5cwindows", "%252e%252e%252f", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "%3Cscript%3E", "%25",
            "%20", "a%0d%0aX-Injected%3A%201", "%7Bid%7D", "a".repeat(300), "b".repeat(3000));

    /** Raw path-traversal tails (not encoded: the server must resolve or refuse them, never follow them). */
    public static final List<String> RAW_TRAVERSALS = List.of(
            "../../../../etc/passwd", "./../../catalog", "products/../../../etc/hosts", "..;/..;/q/metrics",
            "%2e%2e/%2e%2e/etc/passwd", "products/%2e%2e/%2e%2e/q/health");

    /** Query values: DSL, SQL, numbers out of range, unicode, huge. */
    public static final List<String> QUERY_VALUES = List.of(
            "-1", "-2147483649", "2147483648", "99999999999999999999999", "1e400", "NaN", "Infinity", "0x10",
            "abc", "", "%00", "%ED%A0%80", "%C0%AE", "%E2%80%AE%F0%9F%92%A9", "*", "~", "AND", "OR", "NOT",
            "a~2", "name%3A*", "%7B%22query%22%3A%7B%22match_all%22%3A%7B%7D%7D%7D",
            "%7B%22script%22%3A%22ctx._source%22%7D", "'%20OR%201%3D1--", "%22%3BDROP%20TABLE%20users%3B--",
            "1%27%29%3B%20DELETE%20FROM%20orders%3B--", "%5C", "%2F..%2F..%2F", "x".repeat(2000));

    /** JSON values of the wrong type or out of range for any field. */
    public static final List<String> WRONG_JSON_VALUES = List.of(
            "null", "true", "[]", "[[1]]", "{}", "{\"$ne\":null}", "{\"query\":{\"match_all\":{}}}", "-1", "-0",
            "2147483648", "9223372036854775808", "-9223372036854775809", "1e400", "1e2147483648", "-1e-400",
            "0.001", "99999999999999999999999.999", "\"NaN\"", "\"Infinity\"", "\"\"", "\" \"",
            "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u202eevil\"", "\"\\ud83d\\udca9\"",
            "\"a\\u0301\\u0301\\u0301\"", "\"' OR '1'='1\"", "\"1; DROP TABLE products;--\"", "\"*\"",
            "\"name:* AND brand:~\"", "\"../../etc/passwd\"", "\"${jndi:ldap://x}\"", "\"<script>\"",
            "\"" + "x".repeat(100_000) + "\"", "\"not-a-uuid\"", "\"00000000-0000-0000-0000-00000000000g\"");

    /** Whole bodies that are not JSON at all, or JSON of the wrong shape. */
    public static final List<byte[]> BROKEN_BODIES = List.of(
            bytes(""), bytes("{"), bytes("["), bytes("nul"), bytes("{\"a\":}"), bytes("{\"a\":1,}"),
            bytes("{'a':1}"), bytes("{\"a\" 1}"), bytes("\"just a string\""), bytes("42"), bytes("[]"),
            bytes("[{}]"), bytes("{\"a\":\"\\x00\"}"), bytes("{\"a\":\"\\ud800\"") /* unterminated */,
            bytes("<?xml version=\"1.0\"?><product><sku>x</sku></product>"), bytes("sku=x&price=1"),
            bytes("{\"a\":1}{\"b\":2}garbage"), bytes("{\"a\":NaN}"), bytes("{\"a\":Infinity}"),
            bytes("{\"a\":01}"), bytes("{\"a\":.5}"), bytes("{\"a\":\"\n\"}"), bytes("/* c */{}"),
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
            new byte[] {0, 0, 0, 0}, new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
            bytes("[".repeat(5000) + "]".repeat(5000)),
            bytes("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));

    /** Bodies an image upload must refuse by their content, whatever the Content-Type says. */
    public static final List<byte[]> NOT_IMAGES = List.of(
            bytes("not an image"), bytes("{\"image\":true}"), bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            bytes("GIF89a\u0001\u0000"), new byte[] {(byte) 0x89, 'P', 'N', 'G'}, new byte[] {(byte) 0xFF, (byte) 0xD8},
            bytes("RIFF\u0000\u0000\u0000\u0000WEBX"), new byte[0], bytes("%PDF-1.7"),
            bytes("MZ\u0090\u0000"), bytes("<?php system($_GET['c']); ?>"));

    /** Content types a JSON route does not take (or takes with a charset that lies). */
    public static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/octet-stream", "image/png", "application/json; charset=utf-16",
            "application/json; charset=bogus-charset", "application/jsonx", "*/*", ";;;", "json",
            "application/json\u00e9".replace('\u00e9', 'e') + "; boundary=\"");

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
