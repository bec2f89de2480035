package dev.stook.k8s.bind;

import dev.stook.core.model.PodId;
import dev.stook.core.volume.VolumeNeeds;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the volumes chosen for pods before the pods themselves, as kube-scheduler's volume binder does in
 * PreBind: a chosen PersistentVolume gets the claim in {@code spec.claimRef} (with the annotation saying the
 * binding was made by a controller), a claim its class's provisioner is to satisfy gets the node in its
 * {@code volume.kubernetes.io/selected-node} annotation; then the PersistentVolume controller and the
 * provisioner finish, and it waits until every claim is {@code Bound}. Each write names the resourceVersion it
 * read, so a concurrent change fails it rather than being overwritten. On any failure, or when the claims are
 * not bound in time, what it wrote and nobody has built on yet is taken back.
 */
final class VolumeBinder {
    static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    static final String BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
    private static final Logger LOG = LoggerFactory.getLogger(VolumeBinder.class);
    private static final long POLL_MILLIS = 200;

    private final KubernetesClient client;
    private final long timeoutMillis;

    VolumeBinder(KubernetesClient client, long timeoutMillis) {
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    /** Null once every claim of the batch is bound; otherwise why not, with what was written undone. */
    String bind(VolumeBatch batch) {
        Deque<Runnable> undo = new ArrayDeque<>();
        List<String> claims = new ArrayList<>();
        try {
            for (Map.Entry<PodId, VolumeBatch.PodVolumes> entry : batch.pods().entrySet()) {
                for (VolumeNeeds.Choice choice : entry.getValue().choices()) {
                    String namespace = choice.claim().namespace();
                    String name = choice.claim().name();
                    claims.add(namespace + "/" + name);
                    if (choice.volume() != null) {
                        bindVolume(choice, undo);
                    } else {
                        selectNode(namespace, name, entry.getValue().nodeName(), undo);
                    }
                }
            }
            String unbound = awaitBound(claims);
            if (unbound != null) {
                undo(undo);
                return unbound;
            }
            return null;
        } catch (KubernetesClientException e) {
            undo(undo);
            return "binding volumes: " + e.getCode() + " " + (e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage() : e.getMessage());
        } catch (VolumeConflict e) {
            undo(undo);
            return "binding volumes: " + e.getMessage();
        }
    }

    private void bindVolume(VolumeNeeds.Choice choice, Deque<Runnable> undo) {
        PersistentVolume volume = client.persistentVolumes().withName(choice.volume()).get();
        String claimKey = choice.claim().key();
        if (volume == null) {
            throw new VolumeConflict("persistentvolume \"" + choice.volume() + "\" is gone");
        }
        var ref = volume.getSpec().getClaimRef();
        if (ref != null) {
            if (claimKey.equals(ref.getNamespace() + "/" + ref.getName())) {
                return;
            }
            throw new VolumeConflict("persistentvolume \"" + choice.volume() + "\" was bound to another claim");
        }
        volume.getSpec().setClaimRef(new ObjectReferenceBuilder().withApiVersion("v1")
                .withKind("PersistentVolumeClaim").withNamespace(choice.claim().namespace())
                .withName(choice.claim().name()).withUid(choice.claim().uid()).build());
        Map<String, String> annotations = new HashMap<>(volume.getMetadata().getAnnotations() == null ? Map.of()
                : volume.getMetadata().getAnnotations());
        annotations.put(BOUND_BY_CONTROLLER, "yes");
        volume.getMetadata().setAnnotations(annotations);
        client.persistentVolumes().resource(volume).update();
        undo.push(() -> releaseVolume(choice.volume(), claimKey));
    }

    private void selectNode(String namespace, String name, String nodeName, Deque<Runnable> undo) {
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
        if (claim == null) {
            throw new VolumeConflict("persistentvolumeclaim \"" + name + "\" is gone");
        }
        Map<String, String> annotations = new HashMap<>(claim.getMetadata().getAnnotations() == null ? Map.of()
                : claim.getMetadata().getAnnotations());
        if (nodeName.equals(annotations.get(SELECTED_NODE))) {
            return;
        }
        annotations.put(SELECTED_NODE, nodeName);
        claim.getMetadata().setAnnotations(annotations);
        client.persistentVolumeClaims().inNamespace(namespace).resource(claim).update();
        undo.push(() -> unselectNode(namespace, name, nodeName));
    }

    /** Null once every claim is Bound; otherwise the first claim not bound in time, or whose provisioning failed. */
    private String awaitBound(List<String> claims) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (String key : claims) {
            String[] parts = key.split("/", 2);
            while (true) {
                PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(parts[0]).withName(parts[1])
                        .get();
                if (claim == null) {
                    return "binding volumes: persistentvolumeclaim \"" + parts[1] + "\" was deleted";
                }
                if (claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase())) {
                    break;
                }
                if (System.currentTimeMillis() >= deadline) {
                    return "binding volumes: persistentvolumeclaim \"" + parts[1] + "\" was not bound within "
                            + timeoutMillis / 1000 + " s";
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "binding volumes: interrupted";
                }
            }
        }
        return null;
    }

    /** Takes back a claimRef written here, unless the PersistentVolume controller has bound the volume since. */
    private void releaseVolume(String volumeName, String claimKey) {
        PersistentVolume volume = client.persistentVolumes().withName(volumeName).get();
        var ref = volume == null ? null : volume.getSpec().getClaimRef();
        if (ref == null || !claimKey.equals(ref.getNamespace() + "/" + ref.getName())
                || (volume.getStatus() != null && "Bound".equals(volume.getStatus().getPhase()))) {
            return;
        }
        volume.getSpec().setClaimRef(null);
        if (volume.getMetadata().getAnnotations() != null) {
            volume.getMetadata().getAnnotations().remove(BOUND_BY_CONTROLLER);
        }
        client.persistentVolumes().resource(volume).update();
    }

    /** Takes back a selected node written here, unless the claim is bound since. */
    private void unselectNode(String namespace, String name, String nodeName) {
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
        if (claim == null || claim.getMetadata().getAnnotations() == null
                || !nodeName.equals(claim.getMetadata().getAnnotations().get(SELECTED_NODE))
                || (claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase()))) {
            return;
        }
        claim.getMetadata().getAnnotations().remove(SELECTED_NODE);
        client.persistentVolumeClaims().inNamespace(namespace).resource(claim).update();
    }

    private static void undo(Deque<Runnable> undo) {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (KubernetesClientException e) {
                LOG.atWarn().log("could not take back a volume binding ({} {}); the PersistentVolume controller"
                        + " finishes it", e.getCode(), e.getMessage());
            }
        }
    }

    /** A volume or claim changed under the binder: the pods are tried again. */
    private static final class VolumeConflict extends RuntimeException {
        VolumeConflict(String message) {
            super(message);
        }
    }
}
