package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.maps;
import static shop.polyglot.helm.Rendered.name;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Releases one service with deploy/release in a temporary copy of the repository (its files as
 * they are now, committed there) and checks that the release touched that service and nothing
 * else: its pom, chart and changelog in the release commit, only its artifacts, and an umbrella
 * that installs the new version beside the others' unchanged ones.
 */
class ReleaseTest {

    static final Path REPO = HelmChartsTest.REPO;
    static final String SERVICE = "leaderboard-service";
    static final String VERSION = "0.2.0";

    static Path clone;
    static Result release;
    static String base;

    record Result(int exit, String output) {}

    @BeforeAll
    static void releaseOneServiceInATemporaryClone() throws Exception {
        clone = Files.createTempDirectory("release-clone");
        copyWorkingTree(REPO, clone);
        git("init", "-q", "-b", "main");
        git("config", "user.email", "release-test@shop.local");
        git("config", "user.name", "release test");
        git("add", "-A");
        git("commit", "-q", "-m", "the repository as it is");
        base = git("rev-parse", "HEAD").trim();
        // --skip-tests: the service's own tests run in its module; scratch: no registry to pull a base image from here
        release = run(clone, Map.of("RELEASE_BASE_IMAGE", "scratch", "RELEASE_DATE", "2026-11-27"),
                "deploy/release", SERVICE, VERSION, "--skip-tests");
    }

    @AfterAll
    static void removeTheClone() throws IOException {
        if (clone != null) {
            Charts.deleteTree(clone);
        }
    }

    @Test
    void theReleaseSucceedsAndTagsTheService() throws Exception {
        assertThat(release.exit()).as(release.output()).isZero();
        assertThat(git("tag", "--list")).contains(SERVICE + "-v" + VERSION);
        assertThat(git("cat-file", "-t", SERVICE + "-v" + VERSION).trim()).isEqualTo("tag");
    }

    @Test
    void theReleaseCommitChangesOnlyThatServicesVersionChartAndChangelog() throws Exception {
        assertThat(release.exit()).as(release.output()).isZero();
        String tagged = SERVICE + "-v" + VERSION;
        assertThat(lines(git("diff", "--name-only", base, tagged))).containsExactlyInAnyOrder(
                SERVICE + "/pom.xml", SERVICE + "/CHANGELOG.md", "deploy/helm/" + SERVICE + "/Chart.yaml");
        // then the next development version, in the same two files only
        assertThat(lines(git("diff", "--name-only", tagged, "HEAD"))).containsExactlyInAnyOrder(
                SERVICE + "/pom.xml", "deploy/helm/" + SERVICE + "/Chart.yaml");

        String pom = git("show", tagged + ":" + SERVICE + "/pom.xml");
        assertThat(pom).containsPattern("<artifactId>" + SERVICE + "</artifactId>\\s*<version>" + java.util.regex.Pattern.quote(VERSION) + "</version>");
        assertThat(pom).as("the parent's version is not the service's").contains("<version>1.0.0-SNAPSHOT</version>");
        String chart = git("show", tagged + ":deploy/helm/" + SERVICE + "/Chart.yaml");
        assertThat(chart).contains("\nversion: " + VERSION + "\n").contains("\nappVersion: \"" + VERSION + "\"\n");
        assertThat(Files.readString(clone.resolve(SERVICE + "/pom.xml"))).contains("<version>0.2.1-SNAPSHOT</version>");

        String changelog = git("show", tagged + ":" + SERVICE + "/CHANGELOG.md");
        int unreleased = changelog.indexOf("## [Unreleased]");
        int released = changelog.indexOf("## [" + VERSION + "] - 2026-11-27");
        assertThat(unreleased).isPositive();
        assertThat(released).isGreaterThan(unreleased);
        // the notes that were unreleased are now the release's
        assertThat(changelog.substring(released)).contains("- Weekly, daily and all-time leaderboards");
        assertThat(changelog.substring(unreleased, released).lines().filter(l -> l.startsWith("- "))).isEmpty();
    }

    @Test
    void onlyThatServicesArtifactsAreBuilt() throws Exception {
        assertThat(release.exit()).as(release.output()).isZero();
        Path releases = clone.resolve("target/release");
        try (var services = Files.list(releases)) {
            assertThat(services.map(p -> p.getFileName().toString())).containsExactly(SERVICE);
        }
        Path dist = releases.resolve(SERVICE).resolve(VERSION);
        try (var files = Files.list(dist)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    SERVICE + "-" + VERSION + ".tgz", SERVICE + "-" + VERSION + "-image.tar");
        }
        // the packaged chart: this version, with the library it needs inside
        String packaged = run(dist, Map.of(), "tar", "-tzf", SERVICE + "-" + VERSION + ".tgz").output();
        assertThat(packaged).contains(SERVICE + "/Chart.yaml", SERVICE + "/charts/shop-service/");
        assertThat(run(dist, Map.of(), "tar", "-xzOf", SERVICE + "-" + VERSION + ".tgz", SERVICE + "/Chart.yaml").output())
                .contains("version: " + VERSION);
        // the image: an OCI layout tarball named <service>:<version>
        Result image = run(dist, Map.of(), "tar", "-xOf", SERVICE + "-" + VERSION + "-image.tar", "index.json");
        assertThat(image.exit()).as(image.output()).isZero();
        assertThat(image.output()).contains(SERVICE + ":" + VERSION).contains("application/vnd.oci.image.manifest.v1+json");
        // no other service was built in the clone
        for (String other : Charts.SERVICES) {
            if (!other.equals(SERVICE)) {
                assertThat(clone.resolve(other).resolve("target/quarkus-app")).as(other).doesNotExist();
            }
        }
    }

    @Test
    void theUmbrellaInstallsTheReleasedVersionBesideTheOthersUnchanged() throws Exception {
        assertThat(release.exit()).as(release.output()).isZero();
        git("checkout", "-q", SERVICE + "-v" + VERSION);
        try {
            Charts charts = Charts.stage(clone.resolve("deploy/helm"), clone.resolve("target/helm-work"));
            Rendered rendered = new Rendered(charts.helm(Charts.UMBRELLA).template().withName("shop").call());
            for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
                String image = (String) at(maps(at(deployment, "spec.template.spec.containers")).get(0), "image");
                String expected = name(deployment).equals(SERVICE) ? VERSION : HelmChartsTest.pomVersion(name(deployment));
                assertThat(image).as(name(deployment)).endsWith(":" + expected);
            }
        } finally {
            git("checkout", "-q", "main");
        }
    }

    @Test
    void aReleaseIsRefusedBeforeAnythingChanges() throws Exception {
        assertThat(release.exit()).as(release.output()).isZero();
        String head = git("rev-parse", "HEAD");
        assertThat(run(clone, Map.of(), "deploy/release", SERVICE, VERSION, "--skip-tests").output()).contains("exists already");
        assertThat(run(clone, Map.of(), "deploy/release", "billing-service", "1.0.0").output()).contains("unknown service");
        assertThat(run(clone, Map.of(), "deploy/release", SERVICE, "1.0").output()).contains("not SemVer");
        Files.writeString(clone.resolve(SERVICE + "/CHANGELOG.md"), "\nan uncommitted edit\n", java.nio.file.StandardOpenOption.APPEND);
        try {
            Result dirty = run(clone, Map.of(), "deploy/release", SERVICE, "0.3.0", "--skip-tests");
            assertThat(dirty.exit()).isNotZero();
            assertThat(dirty.output()).contains("uncommitted changes");
        } finally {
            git("checkout", "-q", "--", SERVICE + "/CHANGELOG.md");
        }
        assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git("status", "--porcelain")).isEmpty();
    }

    @Test
    void aReleaseThatFailsHalfwayLeavesTheSourcesAsTheyWere() throws Exception {
        assertThat(release.exit()).as(release.output()).isZero();
        Path changelog = clone.resolve(SERVICE + "/CHANGELOG.md");
        Files.writeString(changelog, Files.readString(changelog)
                .replace("## [Unreleased]\n", "## [Unreleased]\n\n- Rankings survive a Redis restart.\n"));
        git("commit", "-q", "-am", "a change worth releasing");
        String head = git("rev-parse", "HEAD");
        // the build fails (Maven offline with an empty repository), after the versions were set
        Path emptyRepository = Files.createTempDirectory(clone, "no-artifacts");
        Result failed = run(clone, Map.of("MAVEN_ARGS", "-o -Dmaven.repo.local=" + emptyRepository),
                "deploy/release", SERVICE, "0.4.0", "--skip-tests");
        assertThat(failed.exit()).as(failed.output()).isNotZero();
        assertThat(failed.output()).contains("building").contains("not released");
        Charts.deleteTree(emptyRepository);
        assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git("status", "--porcelain")).isEmpty();
        assertThat(git("tag", "--list")).doesNotContain(SERVICE + "-v0.4.0");
        assertThat(Files.readString(changelog)).doesNotContain("## [0.4.0]").contains("- Rankings survive a Redis restart.");
    }

    // --- helpers

    /** The repository's files as they are now (tracked and new, not ignored), links kept as links. */
    static void copyWorkingTree(Path from, Path to) throws Exception {
        Result listed = run(from, Map.of(), "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        assertThat(listed.exit()).as(listed.output()).isZero();
        for (String file : listed.output().split("\0")) {
            Path source = from.resolve(file);
            if (file.isEmpty() || !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                continue; // deleted in the working tree
            }
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, LinkOption.NOFOLLOW_LINKS, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(Arrays.asList(args));
        Result result = run(clone, Map.of(), command.toArray(String[]::new));
        assertThat(result.exit()).as(String.join(" ", command) + ": " + result.output()).isZero();
        return result.output();
    }

    static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 10 minutes");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }
}
