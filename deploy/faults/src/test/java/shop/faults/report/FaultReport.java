package shop.faults.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

import shop.faults.http.Json;

/**
 * The figures of one run of one scenario, machine-readable ({@code <scenario>.json}) and as a
 * Markdown fragment ({@code <scenario>.md}) for RESULTS.md, in {@code target/faults}
 * ({@code deploy/faults/run} copies them to {@code deploy/faults/results}).
 */
public final class FaultReport {

    private FaultReport() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("faults.results", "target/faults"));
    }

    public static void write(String scenario, Map<String, Object> figures, String markdown) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("scenario", scenario);
        document.put("finishedAt", Instant.now().toString());
        document.put("scale", System.getProperty("faults.scale", "small"));
        document.putAll(figures);
        try {
            Files.createDirectories(directory());
            Files.writeString(directory().resolve(scenario + ".json"), Json.MAPPER.copy()
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
            Files.writeString(directory().resolve(scenario + ".md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
