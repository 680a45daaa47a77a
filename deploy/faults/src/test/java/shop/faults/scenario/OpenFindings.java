package shop.faults.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import shop.faults.http.Answer;
import shop.faults.http.Shot;

/**
 * {@code deploy/faults/open-findings.tsv}: findings in code this suite may not fix, each with its
 * owner and the cause, forwarded and reported with their counts — any other finding fails the build.
 */
public record OpenFindings(List<Row> rows) {

    public record Row(Pattern target, Pattern route, Pattern status, String finding, Pattern path, String owner,
            String why) {

        boolean covers(Shot shot, Answer answer, String finding) {
            return target.matcher(shot.target()).matches() && route.matcher(shot.route()).matches()
                    && status.matcher(String.valueOf(answer.status())).matches()
                    && java.util.Arrays.stream(this.finding.split("\\|")).anyMatch(finding::startsWith)
                    && path.matcher(shot.pathAndQuery()).matches();
        }

        public String describe() {
            return owner + ": " + target.pattern() + " " + route.pattern() + " → " + status.pattern() + " (" + finding + ")";
        }
    }

    public static OpenFindings load() {
        Path file = Path.of(System.getProperty("faults.open-findings", "open-findings.tsv"));
        List<Row> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                rows.add(new Row(Pattern.compile(c[0]), Pattern.compile(c[1]), Pattern.compile(c[2]), c[3],
                        Pattern.compile(c[4]), c[5], c[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OpenFindings(rows);
    }

    /** The row that covers this finding, or null. */
    public Row covering(Shot shot, Answer answer, String finding) {
        return rows.stream().filter(row -> row.covers(shot, answer, finding)).findFirst().orElse(null);
    }
}
