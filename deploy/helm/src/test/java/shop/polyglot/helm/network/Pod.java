package shop.polyglot.helm.network;

import java.util.Map;

/** A pod as NetworkPolicies see it: its labels and its namespace's labels. */
public record Pod(String description, String namespace, Map<String, String> labels) {

    /** The label every namespace carries (Kubernetes sets it), by which policies select namespaces. */
    public Map<String, String> namespaceLabels() {
        return Map.of("kubernetes.io/metadata.name", namespace);
    }

    @Override
    public String toString() {
        return description;
    }
}
