package shop.polyglot.helm.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * NetworkPolicies evaluated as Kubernetes does (networking.k8s.io/v1), both ends of a connection:
 * it is made only if the source may send it (egress) and the destination may take it (ingress).
 * A pod that no policy with policyType Ingress selects takes any connection; a selected pod only
 * what some rule of those policies admits, by peer (podSelector in the policy's namespace,
 * namespaceSelector, or both) and port. Egress likewise: a pod that no policy with policyType Egress
 * selects (policyTypes absent: Egress only with an egress section) may send anywhere; a selected
 * one only where some egress rule admits the destination and port. Selectors are matchLabels and
 * matchExpressions (In, NotIn, Exists, DoesNotExist); ipBlock peers admit no pod (they are
 * addresses, not pods); a named port is the number the destination pod's container port of that
 * name has ({@link Pod#namedPorts()}), and matches nothing on a pod without it, so a test using one
 * fails rather than passes by accident.
 */
public final class NetworkPolicies {

    private record Policy(String name, String namespace, Map<String, Object> spec) {}

    private final List<Policy> policies = new ArrayList<>();

    /** Adds a rendered NetworkPolicy (a parsed manifest document) in {@code namespace}. */
    public NetworkPolicies add(Map<String, Object> policy, String namespace) {
        policies.add(new Policy(String.valueOf(map(policy.get("metadata")).get("name")), namespace, map(policy.get("spec"))));
        return this;
    }

    /** Can {@code from} open a TCP connection to {@code to} on {@code port}? */
    public boolean reaches(Pod from, Pod to, int port) {
        return reaches(from, to, port, "TCP");
    }

    /** Can {@code from} reach {@code to} on {@code port} over {@code protocol} (TCP, UDP)? */
    public boolean reaches(Pod from, Pod to, int port, String protocol) {
        return admitted(from, to, to, port, protocol, "egress") && admitted(to, from, to, port, protocol, "ingress");
    }

    /**
     * What the policies selecting {@code selected} (the source for egress, the destination for
     * ingress) say of a connection with {@code peer}, the other end, to {@code to}'s port: true when
     * none selects it for that direction.
     */
    private boolean admitted(Pod selected, Pod peer, Pod to, int port, String protocol, String direction) {
        String type = direction.equals("egress") ? "Egress" : "Ingress";
        String peers = direction.equals("egress") ? "to" : "from";
        List<Policy> selecting = policies.stream()
                .filter(p -> p.namespace().equals(selected.namespace()))
                .filter(p -> {
                    List<Object> types = list(p.spec().get("policyTypes"));
                    // without policyTypes: Ingress always, Egress only when the policy has egress rules
                    return types.isEmpty() ? type.equals("Ingress") || p.spec().containsKey("egress") : types.contains(type);
                })
                .filter(p -> selects(map(p.spec().get("podSelector")), selected.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Policy policy : selecting) {
            for (Object rule : list(policy.spec().get(direction))) {
                Map<String, Object> r = map(rule);
                if (portAdmitted(list(r.get("ports")), to, port, protocol)
                        && peerAdmitted(list(r.get(peers)), policy.namespace(), peer)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean portAdmitted(List<Object> ports, Pod to, int port, String protocol) {
        if (ports.isEmpty()) {
            return true;
        }
        for (Object p : ports) {
            Map<String, Object> entry = map(p);
            Object number = entry.get("port");
            if (!String.valueOf(entry.getOrDefault("protocol", "TCP")).equals(protocol)) {
                continue;
            }
            if (number == null) {
                return true;
            }
            if (number instanceof Number n) {
                int end = entry.get("endPort") instanceof Number e ? e.intValue() : n.intValue();
                if (port >= n.intValue() && port <= end) {
                    return true;
                }
            } else if (number instanceof String name && Integer.valueOf(port).equals(to.namedPorts().get(name))) {
                // a named port is the destination pod's container port of that name
                return true;
            }
        }
        return false;
    }

    /** Is {@code pod}, the other end (the source of an ingress rule, the destination of an egress rule), one of these peers? */
    private static boolean peerAdmitted(List<Object> peers, String policyNamespace, Pod pod) {
        if (peers.isEmpty()) {
            return true;
        }
        for (Object p : peers) {
            Map<String, Object> peer = map(p);
            if (peer.containsKey("ipBlock")) {
                continue;
            }
            boolean namespaceMatches = peer.containsKey("namespaceSelector")
                    ? selects(map(peer.get("namespaceSelector")), pod.namespaceLabels())
                    : pod.namespace().equals(policyNamespace);
            boolean podMatches = !peer.containsKey("podSelector") || selects(map(peer.get("podSelector")), pod.labels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    /** A LabelSelector: {} selects everything. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, Object> e : map(selector.get("matchLabels")).entrySet()) {
            if (!Objects.equals(labels.get(e.getKey()), String.valueOf(e.getValue()))) {
                return false;
            }
        }
        for (Object o : list(selector.get("matchExpressions"))) {
            Map<String, Object> expression = map(o);
            String key = String.valueOf(expression.get("key"));
            List<String> values = list(expression.get("values")).stream().map(String::valueOf).toList();
            boolean ok = switch (String.valueOf(expression.get("operator"))) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new IllegalArgumentException("unknown selector operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
