package dev.stook.k8s.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DESIGN §5's binding invariants, checked against what the API server holds and the bindings it accepted: no pod bound twice, no
 * gang with 0 < bound < minMember, no node whose bound pods request more than it can allocate.
 */
public final class ClusterInvariants {
    private final TestCluster cluster;

    public ClusterInvariants(TestCluster cluster) {
        this.cluster = cluster;
    }

    /** Pods whose binding the server accepted more than once, {@code namespace/name}. */
    public List<String> doubleBinds() {
        List<String> twice = new ArrayList<>();
        cluster.api().acceptedBindings().forEach((pod, count) -> {
            if (count.get() > 1) {
                twice.add(pod);
            }
        });
        return twice;
    }

    /** Gangs with some but fewer than their minimum members bound, each as {@code name bound/min}. */
    public List<String> partialGangs() {
        Map<String, int[]> boundAndMinimum = new TreeMap<>();
        for (Pod pod : pods()) {
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            if (annotations == null || !annotations.containsKey("stook.dev/gang")) {
                continue;
            }
            int[] counts = boundAndMinimum.computeIfAbsent(
                    pod.getMetadata().getNamespace() + "/" + annotations.get("stook.dev/gang"), gang -> new int[2]);
            counts[0] += isBound(pod) ? 1 : 0;
            counts[1] = Integer.parseInt(annotations.get("stook.dev/gang-min-members"));
        }
        List<String> partial = new ArrayList<>();
        boundAndMinimum.forEach((gang, counts) -> {
            if (counts[0] > 0 && counts[0] < counts[1]) {
                partial.add(gang + " " + counts[0] + "/" + counts[1]);
            }
        });
        return partial;
    }

    /** Nodes whose bound pods request more cpu or memory than the node's allocatable, with the sums. */
    public List<String> overCommittedNodes() {
        Map<String, Map<String, BigDecimal>> requested = new HashMap<>();
        for (Pod pod : pods()) {
            if (isBound(pod)) {
                Map<String, BigDecimal> sums = requested.computeIfAbsent(pod.getSpec().getNodeName(), n -> new HashMap<>());
                for (Container container : pod.getSpec().getContainers()) {
                    container.getResources().getRequests().forEach((resource, quantity) ->
                            sums.merge(resource, quantity.getNumericalAmount(), BigDecimal::add));
                }
            }
        }
        List<String> over = new ArrayList<>();
        for (Node node : cluster.client().nodes().list().getItems()) {
            Map<String, BigDecimal> sums = requested.getOrDefault(node.getMetadata().getName(), Map.of());
            sums.forEach((resource, sum) -> {
                Quantity allocatable = node.getStatus().getAllocatable().get(resource);
                if (allocatable == null || sum.compareTo(allocatable.getNumericalAmount()) > 0) {
                    over.add(node.getMetadata().getName() + " " + resource + " " + sum + " > " + allocatable);
                }
            });
        }
        return over;
    }

    public List<Pod> pods() {
        return cluster.client().pods().inAnyNamespace().list().getItems();
    }

    public static boolean isBound(Pod pod) {
        return pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }
}
