package shop.polyglot.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code NAME=value} lines that {@code deploy/local/stack env} prints. */
final class StackEnv {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private StackEnv() {
    }

    /**
     * Accepts what a shell would source: blank lines and {@code #} comments are skipped, an
     * {@code export } prefix is dropped, and single- or double-quoted values are unquoted.
     * Any other line (progress or log text) is ignored rather than failing the test run.
     */
    static Map<String, String> parse(String output) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0 || !NAME.matcher(line.substring(0, eq)).matches()) {
                continue;
            }
            env.put(line.substring(0, eq), unquote(line.substring(eq + 1).strip()));
        }
        return Collections.unmodifiableMap(env);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            // the shell's way to put a quote inside single quotes: 'it'\''s'
            return value.substring(1, value.length() - 1).replace("'\\''", "'");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\([\"\\\\$`])", "$1");
        }
        return value;
    }
}
