package shop.polyglot.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackEnvTest {

    @Test
    void readsNameValueLines() {
        assertThat(StackEnv.parse("STACK_PG_PORT=5432\nSTACK_PG_DB=catalog\n"))
                .containsExactly(entry("STACK_PG_PORT", "5432"), entry("STACK_PG_DB", "catalog"));
    }

    @Test
    void acceptsWhatAShellWouldSource() {
        String output = """
                # local stack
                export STACK_REDIS_PORT=6379

                STACK_PG_PASSWORD='it'\\''s-local'
                STACK_S3_BUCKET="media"
                """;
        assertThat(StackEnv.parse(output))
                .containsEntry("STACK_REDIS_PORT", "6379")
                .containsEntry("STACK_PG_PASSWORD", "it's-local")
                .containsEntry("STACK_S3_BUCKET", "media")
                .hasSize(3);
    }

    @Test
    void keepsEqualsSignsInsideValues() {
        assertThat(StackEnv.parse("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/catalog?a=b"))
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/catalog?a=b");
    }

    @Test
    void ignoresLinesThatAreNotAssignments() {
        assertThat(StackEnv.parse("==> postgres already running\n=oops\n1BAD=x\nSTACK_KAFKA_PORT=9092 \r\n"))
                .containsExactly(entry("STACK_KAFKA_PORT", "9092"));
    }

    private static java.util.Map.Entry<String, String> entry(String name, String value) {
        return java.util.Map.entry(name, value);
    }
}
