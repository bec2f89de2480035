package dev.stook.sim;

import dev.stook.core.gang.GangId;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Resources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows where each gang's members are bound at the scenario's tightest topology level, and when each gang
 * was first bound. A gang fits one domain when some domain, empty, has a place for its minimum number of
 * members (members of a simulated gang are alike, so a node holds as many as fit its allocatable).
 */
final class GangPlacementMeter {
    private final String key;
    private final Map<String, String> domainOfNode = new HashMap<>();
    private final Map<String, List<Resources>> allocatableByDomain = new HashMap<>();
    private final Map<GangId, Set<String>> domainsByGang = new HashMap<>();
    private final Map<GangId, Boolean> fitsOneDomain = new HashMap<>();
    private final List<Long> gangWaits = new ArrayList<>();

    GangPlacementMeter(Scenario scenario, List<Node> nodes) {
        this.key = scenario.tightestTopologyKey().orElse(null);
        for (Node node : nodes) {
            String domain = key == null ? null : node.labels().get(key);
            if (domain != null) {
                domainOfNode.put(node.name(), domain);
                allocatableByDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(node.allocatable());
            }
        }
    }

    void bound(Pod pod, String nodeName, long nowMillis) {
        if (pod.gang() == null) {
            return;
        }
        GangId gang = pod.gang().id();
        Set<String> domains = domainsByGang.get(gang);
        if (domains == null) {
            domains = new HashSet<>();
            domainsByGang.put(gang, domains);
            gangWaits.add(nowMillis - pod.createdAtMillis());
            fitsOneDomain.put(gang, fitsOneDomain(pod.requests(), Math.max(1, pod.gang().minMembers())));
        }
        String domain = domainOfNode.get(nodeName);
        domains.add(domain == null ? "" : domain);
    }

    GangPlacement outcome() {
        int fit = 0;
        int fragmented = 0;
        long domainCount = 0;
        for (Map.Entry<GangId, Set<String>> gang : domainsByGang.entrySet()) {
            domainCount += gang.getValue().size();
            if (fitsOneDomain.get(gang.getKey())) {
                fit++;
                if (gang.getValue().size() > 1) {
                    fragmented++;
                }
            }
        }
        int placed = domainsByGang.size();
        return new GangPlacement(key, placed, fit, fragmented, placed == 0 ? 0 : (double) domainCount / placed,
                DurationStats.of(gangWaits.stream().mapToLong(Long::longValue).toArray()));
    }

    private boolean fitsOneDomain(Resources member, int members) {
        for (List<Resources> nodes : allocatableByDomain.values()) {
            long places = 0;
            for (Resources allocatable : nodes) {
                places += placesFor(member, allocatable);
            }
            if (places >= members) {
                return true;
            }
        }
        return false;
    }

    private static long placesFor(Resources member, Resources allocatable) {
        long places = Long.MAX_VALUE;
        for (int slot = 0; slot < member.width(); slot++) {
            if (member.get(slot) > 0) {
                places = Math.min(places, allocatable.get(slot) / member.get(slot));
            }
        }
        return places == Long.MAX_VALUE ? Integer.MAX_VALUE : places;
    }
}
