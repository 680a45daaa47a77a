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
 * Releases, with deploy/release in a temporary copy of the repository (its files as they are now,
 * committed there), service-kit on its own, then one service pinned to that kit release, and
 * checks that each release touched what it should and nothing else: the kit's pom, changelog and
 * published artifacts plus the pins that followed it; the service's pom, chart and changelog, only
 * its artifacts, built with the kit release it pins, and an umbrella that installs the new version
 * beside the others' unchanged ones.
 */
class ReleaseTest {

    static final Path REPO = HelmChartsTest.REPO;
    static final String SERVICE = "leaderboard-service";
    static final String VERSION = "0.2.0";
    static final String KIT = "service-kit";
    static final String KIT_VERSION = "1.0.0";

    static Path clone;
    static Result kitRelease;
    static String beforeKit;
    static String kitDevelopment;
    static Result release;
    static String base;

    record Result(int exit, String output) {}

    @BeforeAll
    static void releaseOneServiceInATemporaryClone() throws Exception {
        forgetTheCachedKitRelease();
        clone = Files.createTempDirectory("release-clone");
        copyWorkingTree(REPO, clone);
        git("init", "-q", "-b", "main");
        git("config", "user.email", "release-test@shop.local");
        git("config", "user.name", "release test");
        git("add", "-A");
        git("commit", "-q", "-m", "the repository as it is");
        beforeKit = git("rev-parse", "HEAD").trim();
        kitDevelopment = HelmChartsTest.ownVersion(clone.resolve(KIT + "/pom.xml"), KIT);
        // the kit first, on its own (--skip-tests: its tests run in its module)
        kitRelease = run(clone, Map.of("RELEASE_DATE", "2026-11-27"), "deploy/release", KIT, KIT_VERSION,
                "--skip-tests");
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
        forgetTheCachedKitRelease();
    }

    /**
     * Maven keeps a release it resolved in the local repository and never looks again: the test's
     * kit release must not outlive the test there (a real one is in service-kit/releases).
     */
    static void forgetTheCachedKitRelease() throws IOException {
        Path cached = Path.of(System.getProperty("user.home"), ".m2", "repository", "shop", "polyglot", KIT, KIT_VERSION);
        if (Files.exists(cached)) {
            Charts.deleteTree(cached);
        }
    }

    @Test
    void theKitIsReleasedOnItsOwnAndPublishedInTheRepository() throws Exception {
        assertThat(kitRelease.exit()).as(kitRelease.output()).isZero();
        String tagged = KIT + "-v" + KIT_VERSION;
        assertThat(git("cat-file", "-t", tagged).trim()).isEqualTo("tag");
        String published = KIT + "/releases/shop/polyglot/" + KIT + "/" + KIT_VERSION + "/" + KIT + "-" + KIT_VERSION;
        // the release commit: the kit's version, changelog and published artifacts, and the pins
        // that followed its development version; no service's own version, chart or code
        List<String> changed = lines(git("diff", "--name-only", beforeKit, tagged));
        assertThat(changed).contains(KIT + "/pom.xml", KIT + "/CHANGELOG.md", published + ".jar", published + ".jar.sha1",
                published + ".pom", published + ".pom.sha1");
        for (String file : changed) {
            if (!file.startsWith(KIT + "/")) {
                assertThat(file).as("only pins change outside the kit").endsWith("pom.xml");
                assertThat(lines(git("diff", "-U0", beforeKit, tagged, "--", file)).stream()
                        .filter(line -> line.matches("^[-+][^-+].*"))).as(file)
                        .allMatch(line -> line.contains("<service-kit.version>"));
            }
        }
        assertThat(git("show", tagged + ":" + SERVICE + "/pom.xml"))
                .contains("<service-kit.version>" + KIT_VERSION + "</service-kit.version>");
        assertThat(git("show", tagged + ":" + KIT + "/pom.xml")).containsPattern(
                "<artifactId>" + KIT + "</artifactId>\\s*<version>" + KIT_VERSION + "</version>");
        // what Maven verifies: the checksum beside each published file
        assertThat(git("show", tagged + ":" + published + ".jar.sha1").trim()).matches("[0-9a-f]{40}");
        assertThat(clone.resolve("target/release/" + KIT + "/" + KIT_VERSION + "/" + KIT + "-" + KIT_VERSION + ".jar"))
                .isRegularFile();
        // then the next development version, in the kit's pom only: the services keep the release they pin
        assertThat(lines(git("diff", "--name-only", tagged, base))).containsExactly(KIT + "/pom.xml");
        assertThat(HelmChartsTest.ownVersion(clone.resolve(KIT + "/pom.xml"), KIT)).isEqualTo("1.0.1-SNAPSHOT")
                .isNotEqualTo(kitDevelopment);
    }

    @Test
    void theServiceIsBuiltWithTheKitReleaseItPinsNotTheKitsSources() throws Exception {
        assertThat(release.exit()).as(release.output()).isZero();
        assertThat(release.output()).contains("with service-kit " + KIT_VERSION);
        try (var libs = Files.list(clone.resolve(SERVICE + "/target/quarkus-app/lib/main"))) {
            assertThat(libs.map(p -> p.getFileName().toString()).filter(n -> n.contains(KIT)))
                    .containsExactly("shop.polyglot." + KIT + "-" + KIT_VERSION + ".jar");
        }
        // releasing the service released nothing of the kit
        assertThat(git("tag", "--list", KIT + "-v*").trim()).isEqualTo(KIT + "-v" + KIT_VERSION);
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
            assertThat(services.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(KIT, SERVICE);
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
            for (Map<String, Object> deployment : rendered.serviceDeployments()) {
                String image = (String) at(maps(at(deployment, "spec.template.spec.containers")).get(0), "image");
                String expected = name(deployment).equals(SERVICE) ? VERSION : HelmChartsTest.pomVersion(name(deployment));
                assertThat(image).as(name(deployment)).endsWith(":" + expected);
            }
        } finally {
            git("checkout", "-q", "main");
        }
    }

    @Test
    void theReleaseScriptKnowsEveryChartedServiceAndEachHasWhatAReleaseNeeds() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^SERVICES=\\(([^)]*)\\)$")
                .matcher(Files.readString(REPO.resolve("deploy/release")));
        assertThat(m.find()).as("deploy/release's SERVICES list").isTrue();
        assertThat(Arrays.asList(m.group(1).trim().split("\\s+"))).containsExactlyElementsOf(Charts.SERVICES);
        for (String service : Charts.SERVICES) {
            // what deploy/release reads before it changes anything: the pom's own version, the
            // changelog's unreleased notes, the chart, and the port the image exposes
            assertThat(HelmChartsTest.ownVersion(REPO.resolve(service + "/pom.xml"), service)).as(service).isNotBlank();
            assertThat(Files.readString(REPO.resolve(service + "/CHANGELOG.md"))).as(service).contains("\n## [Unreleased]\n");
            assertThat(REPO.resolve("deploy/helm/" + service + "/Chart.yaml")).as(service).isRegularFile();
            assertThat(Files.readString(REPO.resolve("deploy/helm/" + service + "/values.yaml"))).as(service).containsPattern("(?m)^port: \\d+$");
        }
    }

    @Test
    void aReleaseIsRefusedBeforeAnythingChanges() throws Exception {
        assertThat(release.exit()).as(release.output()).isZero();
        String head = git("rev-parse", "HEAD");
        assertThat(run(clone, Map.of(), "deploy/release", SERVICE, VERSION, "--skip-tests").output()).contains("exists already");
        assertThat(run(clone, Map.of(), "deploy/release", "billing-service", "1.0.0").output()).contains("unknown service");
        assertThat(run(clone, Map.of(), "deploy/release", KIT, KIT_VERSION, "--skip-tests").output()).contains("exists already");
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
