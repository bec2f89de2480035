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
 * carries its name as {@code kubernetes.io/hostname}, as the kubelet labels nodes. With a {@code topology}
 * (levels widest first, such as zone, block, rack), consecutive nodes share their tightest domain: the
 * nodes are dealt out evenly, and a domain's label value is the group's name and the domain's number at
 * each level down to it ({@code worker-1-0-3}: rack 3 of block 0 of zone 1). Its nodes may have local disks
 * holding dataset shards ({@link LocalVolumes}).
 */
public record NodeGroup(String name, int count, Resources allocatable, Map<String, String> labels, List<Taint> taints,
                        Optional<CachedData> cache, List<TopologyLevel> topology, Optional<LocalVolumes> localVolumes) {
    static final String HOSTNAME = "kubernetes.io/hostname";

    public NodeGroup {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
        topology = List.copyOf(topology);
        if (count % tightestDomains(topology) != 0) {
            throw new IllegalArgumentException("node group " + name + ": " + count + " nodes cannot be dealt evenly"
                    + " into " + tightestDomains(topology) + " domains of its tightest topology level");
        }
    }

    public NodeGroup(String name, int count, Resources allocatable, Map<String, String> labels, List<Taint> taints) {
        this(name, count, allocatable, labels, taints, Optional.empty(), List.of(), Optional.empty());
    }

    /** How many domains of the tightest level the topology makes, 1 without one. */
    static int tightestDomains(List<TopologyLevel> topology) {
        long domains = 1;
        for (TopologyLevel level : topology) {
            domains *= level.domains();
            if (domains > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
        }
        return (int) domains;
    }

    public List<Node> nodes() {
        List<Node> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> withHostname = new HashMap<>(labels);
            withHostname.put(HOSTNAME, name + "-" + i);
            withHostname.putAll(topologyLabels(i));
            nodes.add(new Node(name + "-" + i, allocatable, withHostname, taints, false));
        }
        return nodes;
    }

    private Map<String, String> topologyLabels(int node) {
        Map<String, String> labels = new HashMap<>();
        int domain = node / (count / tightestDomains(topology));
        int below = tightestDomains(topology);
        StringBuilder value = new StringBuilder(name);
        for (TopologyLevel level : topology) {
            below /= level.domains();
            value.append('-').append(domain / below % level.domains());
            labels.put(level.key(), value.toString());
        }
        return labels;
    }
}
