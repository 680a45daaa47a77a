package shop.polyglot.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The objects of a `helm template` output, parsed, with small accessors for the assertions. */
final class Rendered {

    final List<Map<String, Object>> objects;

    Rendered(String manifest) {
        Yaml yaml = new Yaml(new LoaderOptions());
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (Object doc : yaml.loadAll(manifest)) {
            if (doc != null) {
                parsed.add(map(doc));
            }
        }
        this.objects = List.copyOf(parsed);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    /** The services' Deployments: not the API documentation page's (shop-api-docs). */
    List<Map<String, Object>> serviceDeployments() {
        return ofKind("Deployment").stream().filter(d -> Charts.SERVICES.contains(name(d))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    static String name(Map<String, Object> object) {
        return (String) map(object.get("metadata")).get("name");
    }

    /** The value at a path of keys ("spec.template.spec"), or null. */
    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    static List<Map<String, Object>> maps(Object o) {
        return list(o).stream().map(Rendered::map).toList();
    }

    /** Every (key, value) pair anywhere under node, depth first. */
    static void walk(Object node, String key, java.util.function.BiConsumer<String, Object> visitor) {
        visitor.accept(key, node);
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, Objects.toString(k), visitor));
        } else if (node instanceof Iterable<?> it) {
            StreamSupport.stream(it.spliterator(), false).forEach(v -> walk(v, key, visitor));
        }
    }

    /** A deep copy of a rendered object, to change in a test without touching the shared render. */
    static Map<String, Object> copy(Map<String, Object> object) {
        Yaml yaml = new Yaml(new LoaderOptions());
        return map(yaml.load(yaml.dump(object)));
    }

    void eachObject(Consumer<Map<String, Object>> visitor) {
        objects.forEach(visitor);
    }
}
