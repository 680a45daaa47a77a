package shop.polyglot.helm.network;

import java.util.Map;

/**
 * A pod as NetworkPolicies see it: its labels, its namespace's labels, and its containers' named
 * ports (name to number), by which a policy's named port ({@code port: http}) is resolved.
 */
public record Pod(String description, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {

    /** A pod whose ports have no names (stores, operators, clients): a named port admits nothing on it. */
    public Pod(String description, String namespace, Map<String, String> labels) {
        this(description, namespace, labels, Map.of());
    }

    /** The label every namespace carries (Kubernetes sets it), by which policies select namespaces. */
    public Map<String, String> namespaceLabels() {
        return Map.of("kubernetes.io/metadata.name", namespace);
    }

    @Override
    public String toString() {
        return description;
    }
}
