package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The install in deploy/helm/README.md ("Install"), run as written on what a fresh clone has: the
 * repository's files without anything git ignores (no charts/ or Chart.lock from an earlier run).
 * Each `helm` line goes through helm-java (an install as a template with the same arguments: there
 * is no cluster), each `kubectl create` line records the namespace or Secret it creates, and a
 * line the test does not know fails it, so the README cannot say more than is checked.
 */
class InstallSequenceTest {

    static final Pattern FENCED_BASH = Pattern.compile("(?s)```bash\n(.*?)```");

    Path clone;

    @BeforeEach
    void freshClone() throws Exception {
        clone = Files.createTempDirectory("install-clone");
        ReleaseTest.copyWorkingTree(RenderedCharts.REPO, clone);
        try (Stream<Path> files = Files.walk(clone.resolve("deploy/helm"))) {
            assertThat(files.map(p -> clone.relativize(p).toString())
                    .filter(p -> p.endsWith("/charts") || p.endsWith("Chart.lock") || p.endsWith(".tgz")))
                    .as("a fresh clone has no resolved dependencies").isEmpty();
        }
    }

    @AfterEach
    void removeClone() throws IOException {
        Charts.deleteTree(clone);
    }

    @Test
    void theReadmesInstallWorksOnAFreshCloneWithBothValuesFiles() throws IOException {
        List<List<String>> blocks = installBlocks();
        assertThat(blocks).as("fenced bash blocks in the README's Install section").hasSize(3);
        List<String> installed = new ArrayList<>();
        for (List<String> block : blocks) {
            Set<String> namespaces = new HashSet<>();
            Set<String> secrets = new HashSet<>();
            for (String line : block) {
                List<String> words = words(line);
                if (startsWith(words, "helm", "dependency", "update") && words.size() == 4) {
                    new Helm(clone.resolve(words.get(3))).dependency().update().call();
                } else if (startsWith(words, "helm", "install") && words.size() >= 4) {
                    installed.add(install(line, words, namespaces, secrets));
                } else if (startsWith(words, "kubectl", "create", "namespace") && words.size() == 4) {
                    namespaces.add(words.get(3));
                } else if (startsWith(words, "kubectl", "-n") && words.size() >= 7 && words.subList(3, 5).equals(List.of("create", "secret"))) {
                    assertThat(words.get(5)).as(line).isIn("generic", "tls", "docker-registry");
                    assertThat(namespaces).as("namespace %s created before: %s", words.get(2), line).contains(words.get(2));
                    secrets.add(words.get(2) + "/" + words.get(6));
                } else {
                    throw new AssertionError("InstallSequenceTest does not know how to check this README line: " + line);
                }
            }
        }
        assertThat(installed).containsExactly("values.yaml", "values-production.yaml");
    }

    @Test
    void theUmbrellasDependencyUpdateAloneDoesNotInstall() {
        // the sequence the README gave before issue 17: the service charts are packed without their library
        new Helm(clone.resolve("deploy/helm/polyglot-shop")).dependency().update().call();
        assertThatThrownBy(() -> new Helm(clone.resolve("deploy/helm/polyglot-shop")).template().withName("shop").call())
                .hasMessageContaining("no template \"shop-service.all\"");
    }

    static boolean startsWith(List<String> words, String... prefix) {
        return words.size() >= prefix.length && words.subList(0, prefix.length).equals(List.of(prefix));
    }

    /** `helm install NAME CHART [-n NS] [-f FILE]...`, rendered; returns the values file's name. */
    String install(String line, List<String> words, Set<String> namespaces, Set<String> secrets) {
        TemplateCommand template = new Helm(clone.resolve(words.get(3))).template().withName(words.get(2));
        String namespace = "default";
        String valuesFile = "values.yaml";
        for (int i = 4; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-n", "--namespace" -> namespace = words.get(++i);
                case "-f", "--values" -> {
                    Path values = clone.resolve(words.get(++i));
                    template = template.withValuesFile(values);
                    valuesFile = values.getFileName().toString();
                }
                case "--create-namespace" -> namespaces.add(namespace);
                default -> throw new AssertionError("InstallSequenceTest does not know option " + words.get(i) + " in: " + line);
            }
        }
        assertThat(namespaces).as("namespace %s exists before: %s", namespace, line).contains(namespace);
        Rendered rendered = new Rendered(template.withNamespace(namespace).call());
        assertThat(rendered.serviceDeployments()).as(line).hasSize(Charts.SERVICES.size());
        // each service chart was packed with its library: it renders alone too (Helm shares named
        // templates across subcharts, so one complete service chart could hide the others' incompleteness)
        for (String service : Charts.SERVICES) {
            TemplateCommand alone = new Helm(clone.resolve(words.get(3))).template().withName(words.get(2)).withNamespace(namespace);
            for (String other : Charts.SERVICES) {
                alone = alone.set(other + ".enabled", other.equals(service));
            }
            assertThat(new Rendered(alone.call()).serviceDeployments()).as("%s alone", service).hasSize(1);
        }

        Set<String> byOperators = HelmChartsTest.operatorSecrets(rendered);
        Map<String, String> references = HelmChartsTest.secretReferences(rendered);
        assertThat(references).isNotEmpty();
        for (Map.Entry<String, String> reference : references.entrySet()) {
            if (!byOperators.contains(reference.getKey())) {
                assertThat(secrets).as("Secret %s (for %s) is created before %s", reference.getKey(), reference.getValue(), line)
                        .contains(namespace + "/" + reference.getKey());
            }
        }
        return valuesFile;
    }

    /** The README's Install section: each fenced bash block as its command lines (continuations joined, comments dropped). */
    static List<List<String>> installBlocks() throws IOException {
        String readme = Files.readString(RenderedCharts.HELM.resolve("README.md"));
        int start = readme.indexOf("\n## Install\n");
        assertThat(start).as("deploy/helm/README.md has an Install section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        Matcher block = FENCED_BASH.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<List<String>> blocks = new ArrayList<>();
        while (block.find()) {
            List<String> lines = new ArrayList<>();
            for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                if (!line.isBlank() && !line.trim().startsWith("#")) {
                    lines.add(line.trim());
                }
            }
            blocks.add(lines);
        }
        return blocks;
    }

    /** A command line's words as a shell splits them (quotes and $(...) kept inside a word, not evaluated). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        int parentheses = 0;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' ) {
                parentheses++;
            } else if (c == ')') {
                parentheses--;
            }
            if (Character.isWhitespace(c) && !quoted && parentheses == 0) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
