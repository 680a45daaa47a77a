package shop.polyglot.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path repo;

    @Test
    void findsTheScriptFromAModuleDeepInTheRepository() throws IOException {
        Path script = Files.createDirectories(repo.resolve("deploy/local")).resolve("stack");
        Files.writeString(script, "#!/usr/bin/env bash\n");
        Path module = Files.createDirectories(repo.resolve("catalog-service/target"));

        assertThat(LocalStack.scriptAbove(module)).isEqualTo(script);
    }

    @Test
    void saysWhereItLookedWhenThereIsNoScript() {
        assertThatThrownBy(() -> LocalStack.scriptAbove(repo))
                .hasMessageContaining("deploy/local/stack")
                .hasMessageContaining(repo.toString());
    }

    @Test
    void readsTheSettingsOfTheRepositorysStack() {
        assertThat(LocalStack.env()).containsKeys("STACK_PG_PORT", "STACK_REDIS_PORT", "STACK_S3_BUCKET");
    }

    @Test
    void failsWithTheScriptsOwnMessage() {
        assertThatThrownBy(() -> LocalStack.up(Set.of("no-such-component")))
                // the command, its exit status, then the script's own stderr lines naming the problem
                .hasMessageMatching("(?s)deploy/local/stack up --only no-such-component failed \\(exit \\d+\\):\n.*no-such-component.*");
    }
}
