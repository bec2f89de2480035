package dev.stook.sim;

import dev.stook.core.model.Node;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code count} identical nodes named {@code <name>-<i>}, i from 0, whose caches may start with data. Each
 * carries its name as {@code kubernetes.io/hostname}, as the kubelet labels nodes.
 */
public record NodeGroup(String name, int count, Resources allocatable, Map<String, String> labels, List<Taint> taints,
                        Optional<CachedData> cache) {
    static final String HOSTNAME = "kubernetes.io/hostname";

    public NodeGroup {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    public NodeGroup(String name, int count, Resources allocatable, Map<String, String> labels, List<Taint> taints) {
        this(name, count, allocatable, labels, taints, Optional.empty());
    }

    public List<Node> nodes() {
        List<Node> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> withHostname = new HashMap<>(labels);
            withHostname.put(HOSTNAME, name + "-" + i);
            nodes.add(new Node(name + "-" + i, allocatable, withHostname, taints, false));
        }
        return nodes;
    }
}
