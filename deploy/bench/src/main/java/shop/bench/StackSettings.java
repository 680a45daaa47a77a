package shop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Ports and credentials of the running local stack, from {@code deploy/local/stack env}: never in code. */
record StackSettings(Map<String, String> values) {

    static StackSettings read() throws IOException, InterruptedException {
        Process env = new ProcessBuilder("deploy/local/stack", "env").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : new String(env.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        if (!env.waitFor(60, TimeUnit.SECONDS) || !values.containsKey("STACK_PG_PORT")) {
            throw new IllegalStateException("deploy/local/stack env did not print STACK_PG_PORT (run from the repository root)");
        }
        return new StackSettings(values);
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("deploy/local/stack env has no " + key);
        }
        return value;
    }

    int port(String key) {
        return Integer.parseInt(get(key));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + Args.HOST + ":" + get("STACK_PG_PORT") + "/" + get("STACK_PG_DB");
    }
}
