package shop.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The README's table of problem types is this enum's: a client reads the list there. */
class ProblemTypesDocumentedTest {

    @Test
    void theReadmeListsEveryProblemTypeWithItsStatusAndTitleAndNoOther() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("..", "README.md")).stream()
                .filter(line -> line.startsWith("| `") && line.matches("\\| `[a-z-]+` \\| [0-9]{3} \\|.*"))
                .toList();
        for (ProblemType type : ProblemType.values()) {
            assertThat(rows).as(type.kind()).anyMatch(row -> row.startsWith(
                    "| `" + type.kind() + "` | " + type.status() + " | " + type.title() + " | "));
        }
        assertThat(rows).hasSize(ProblemType.values().length);
    }
}
