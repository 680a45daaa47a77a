package shop.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The catalog database, through the machine's {@code psql} (the bench module has no JDBC
 * driver, and needs only a few statements). Connection settings come from
 * {@code deploy/local/stack env}, never from this code.
 */
final class MediaDatabase {

    private final Map<String, String> stack;

    private MediaDatabase(Map<String, String> stack) {
        this.stack = stack;
    }

    static MediaDatabase fromStack() throws IOException, InterruptedException {
        Process env = new ProcessBuilder("deploy/local/stack", "env").redirectErrorStream(false).start();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : new String(env.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                settings.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        if (!env.waitFor(60, TimeUnit.SECONDS) || !settings.containsKey("STACK_PG_PORT")) {
            throw new IllegalStateException("deploy/local/stack env did not print STACK_PG_PORT");
        }
        return new MediaDatabase(settings);
    }

    /** One value of a query. */
    String value(String sql) throws IOException, InterruptedException {
        return psql("-Atc", sql).strip();
    }

    long number(String sql) throws IOException, InterruptedException {
        return Long.parseLong(value(sql));
    }

    void execute(String sql) throws IOException, InterruptedException {
        psql("-c", sql);
    }

    /**
     * Rows {@code (key text, bytes bytea)} into {@code table} with {@code COPY ... (FORMAT binary)}:
     * the bytes go as they are, neither hex- nor escape-encoded on the way.
     */
    void copyBinary(String table, List<Map.Entry<String, byte[]>> rows) throws IOException, InterruptedException {
        Path file = Files.createTempFile("media-bytea-", ".copy");
        try {
            try (OutputStream raw = Files.newOutputStream(file);
                    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 20))) {
                out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
                out.writeInt(0); // flags
                out.writeInt(0); // header extension length
                for (Map.Entry<String, byte[]> row : rows) {
                    byte[] key = row.getKey().getBytes(StandardCharsets.UTF_8);
                    out.writeShort(2);
                    out.writeInt(key.length);
                    out.write(key);
                    out.writeInt(row.getValue().length);
                    out.write(row.getValue());
                }
                out.writeShort(-1);
            }
            psql("-c", "\\copy " + table + " (key, bytes) from '" + file + "' with (format binary)");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String psql(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", stack.get("STACK_PG_PORT"),
                "-U", stack.get("STACK_PG_USER"), "-d", stack.get("STACK_PG_DB")));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("media-psql-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().put("PGPASSWORD", stack.get("STACK_PG_PASSWORD"));
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("psql " + String.join(" ", args) + ": " + Files.readString(errors));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
