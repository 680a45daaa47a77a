package shop.polyglot.helm.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published API schemas in deploy/helm/schemas (see its README for each file's source): the
 * Kubernetes OpenAPI document {@code kubernetes-<version>.json} and the operators' and Gateway
 * API's CustomResourceDefinitions, one folder per release. Every served version of every CRD and
 * every core kind becomes a strict schema (see {@link Strictness}); {@link #check} validates a
 * rendered object against each schema published for its apiVersion and kind, so an object of a
 * kind with schemas from two releases (the oldest and the newest a chart supports) must satisfy both.
 */
public final class ApiSchemas {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** the name the Kubernetes document is registered under, for its $refs: never fetched */
    private static final String CORE_URI = "https://schemas.polyglot.shop/kubernetes.json";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /** One published schema of an apiVersion and kind. */
    record ApiSchema(String source, String apiVersion, String kind, Schema schema, boolean customResource) {}

    private final Map<String, List<ApiSchema>> byType = new TreeMap<>();
    /** release folder (strimzi-1.0.1) -> group/kind -> the versions it serves */
    private final Map<String, Map<String, List<String>>> served = new TreeMap<>();
    private final Schema objectMeta;

    private ApiSchemas(Path dir) {
        Path document = onlyFile(dir, "kubernetes-", ".json");
        ObjectNode openApi;
        try {
            openApi = (ObjectNode) JSON.readTree(Files.readString(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openApi.path("components").path("schemas").forEach(schema -> Strictness.apply(schema, Strictness.Origin.CORE));
        SchemaRegistry core = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(CORE_URI, JSON.writeValueAsString(openApi))));
        this.objectMeta = core.getSchema(SchemaLocation.of(CORE_URI + "#/components/schemas/" + OBJECT_META));
        loadCore(document.getFileName().toString().replace(".json", ""), openApi, core);
        loadCustomResourceDefinitions(dir);
    }

    public static ApiSchemas load(Path dir) {
        return new ApiSchemas(dir);
    }

    /** "apiVersion kind" -> where its schemas come from, e.g. "kafka.strimzi.io/v1 Kafka" -> [strimzi-0.49.0, strimzi-1.0.1]. */
    public Map<String, List<String>> sources() {
        Map<String, List<String>> sources = new TreeMap<>();
        byType.forEach((type, schemas) -> sources.put(type, schemas.stream().map(ApiSchema::source).toList()));
        return sources;
    }

    /**
     * What the API server would refuse about {@code object} (a rendered manifest document), one line
     * each, prefixed with the schema's source and the field's path; empty when it conforms to every
     * schema published for its type. A type with no schema here is itself a violation: every object
     * is checked, or the test says which is not.
     */
    public List<String> check(Map<String, Object> object) {
        JsonNode node = JSON.valueToTree(object);
        String type = node.path("apiVersion").asString("") + " " + node.path("kind").asString("");
        List<ApiSchema> schemas = byType.get(type);
        if (schemas == null) {
            return List.of("no published schema for " + type + " in deploy/helm/schemas");
        }
        List<String> violations = new ArrayList<>(notServedEverywhere(node));
        for (ApiSchema schema : schemas) {
            report(schema.source(), schema.schema().validate(node), "", violations);
            if (schema.customResource()) {
                // a CRD's schema leaves metadata to the API server, which checks it as ObjectMeta
                report(schema.source(), objectMeta.validate(node.path("metadata")), "/metadata", violations);
            }
        }
        return violations;
    }

    /**
     * A custom resource's apiVersion must be served by every release of its operator kept here
     * (the oldest and the newest the chart supports): strimzi-0.49.0 serving v1beta2 does not make
     * it right for strimzi-1.0.1, which removed it.
     */
    private List<String> notServedEverywhere(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return List.of();
        }
        String groupKind = apiVersion.substring(0, slash) + "/" + object.path("kind").asString("");
        String version = apiVersion.substring(slash + 1);
        List<String> problems = new ArrayList<>();
        served.forEach((release, kinds) -> {
            List<String> versions = kinds.get(groupKind);
            if (versions != null && !versions.contains(version)) {
                problems.add(release + ": does not serve " + apiVersion + " " + object.path("kind").asString()
                        + " (it serves " + String.join(", ", versions) + ")");
            }
        });
        return problems;
    }

    private static void report(String source, List<Error> errors, String prefix, List<String> into) {
        for (Error error : errors) {
            into.add(source + ": " + prefix + error.getInstanceLocation() + ": " + error.getMessage());
        }
    }

    // --- Kubernetes' own kinds: one OpenAPI document, a schema per kind by JSON pointer

    private void loadCore(String source, JsonNode openApi, SchemaRegistry registry) {
        for (Map.Entry<String, JsonNode> entry : openApi.path("components").path("schemas").properties()) {
            for (JsonNode gvk : entry.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asString("");
                String apiVersion = group.isEmpty() ? gvk.path("version").asString() : group + "/" + gvk.path("version").asString();
                Schema schema = registry.getSchema(SchemaLocation.of(CORE_URI + "#/components/schemas/" + entry.getKey()));
                add(new ApiSchema(source, apiVersion, gvk.path("kind").asString(), schema, false));
            }
        }
    }

    // --- custom resources: each served version's openAPIV3Schema of each CRD file

    private void loadCustomResourceDefinitions(Path dir) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String source = dir.relativize(file.getParent()).toString();
                for (Object document : new Yaml(options).loadAll(Files.readString(file))) {
                    JsonNode crd = JSON.valueToTree(document);
                    if (!"CustomResourceDefinition".equals(crd.path("kind").asString(""))) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asString();
                    String kind = crd.path("spec").path("names").path("kind").asString();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (!version.path("served").asBoolean(false)) {
                            continue;
                        }
                        served.computeIfAbsent(source, k -> new TreeMap<>())
                                .computeIfAbsent(group + "/" + kind, k -> new ArrayList<>()).add(version.path("name").asString());
                        ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema");
                        // checked as ObjectMeta instead (see check); the CRD only says "object"
                        ((ObjectNode) schema.path("properties")).putObject("metadata")
                                .put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
                        Strictness.apply(schema, Strictness.Origin.CUSTOM_RESOURCE);
                        add(new ApiSchema(source, group + "/" + version.path("name").asString(), kind,
                                registry.getSchema(schema), true));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(ApiSchema schema) {
        byType.computeIfAbsent(schema.apiVersion() + " " + schema.kind(), k -> new ArrayList<>()).add(schema);
    }

    private static Path onlyFile(Path dir, String prefix, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + prefix + "*" + suffix + " in " + dir + ", found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
