package dev.stook.k8s.testing;

import dev.stook.core.model.PodId;
import dev.stook.k8s.translate.GangObjectKey;
import dev.stook.k8s.translate.GangObjectKind;
import dev.stook.k8s.watch.ClusterChanges;
import dev.stook.k8s.watch.StorageKey;
import dev.stook.k8s.watch.WorkloadKey;

/** Informers' change notices, all ignored; a test overrides the ones it records. */
public class IgnoredChanges implements ClusterChanges {
    @Override
    public void podChanged(PodId id) {
    }

    @Override
    public void nodeChanged(String name) {
    }

    @Override
    public void namespaceChanged(String name) {
    }

    @Override
    public void workloadChanged(WorkloadKey key) {
    }

    @Override
    public void storageChanged(StorageKey key) {
    }

    @Override
    public void queueConfigChanged() {
    }

    @Override
    public void gangObjectChanged(GangObjectKey key) {
    }

    @Override
    public void gangObjectsServed(GangObjectKind kind) {
    }
}
