package dev.stook.core.volume;

import dev.stook.core.model.NodeSelectorTerm;

import java.util.List;
import java.util.Map;

/**
 * A StorageClass as the scheduler reads it.
 *
 * @param waitForFirstConsumer whether its claims wait for a pod to be scheduled ({@code volumeBindingMode:
 *                             WaitForFirstConsumer}); otherwise they are bound at once, without the scheduler
 * @param allowedTopologies    where its provisioner may create volumes (terms ORed); empty: anywhere
 */
public record StorageClass(String name, String provisioner, boolean waitForFirstConsumer,
                           List<NodeSelectorTerm> allowedTopologies) {
    /** The provisioner name that says volumes of the class are only created by hand (local volumes). */
    public static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

    public StorageClass {
        allowedTopologies = List.copyOf(allowedTopologies);
    }

    /** Whether its provisioner may create a volume reachable from a node with these labels. */
    public boolean mayProvisionFor(Map<String, String> nodeLabels) {
        if (NO_PROVISIONER.equals(provisioner)) {
            return false;
        }
        if (allowedTopologies.isEmpty()) {
            return true;
        }
        for (NodeSelectorTerm term : allowedTopologies) {
            if (term.matches(nodeLabels)) {
                return true;
            }
        }
        return false;
    }
}
