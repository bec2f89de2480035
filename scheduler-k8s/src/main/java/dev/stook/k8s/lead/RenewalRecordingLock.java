package dev.stook.k8s.lead;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;

/**
 * The Lease lock, telling the fence of every write that made this instance the holder, with the time the
 * write was sent. fabric8 counts its own renew deadline from when a renewal answered, and checks it only
 * between renewal attempts, so a renewal stuck in client retries would leave it leading long past the
 * deadline; the fence does not depend on either.
 */
final class RenewalRecordingLock implements Lock {
    private final Lock lease;
    private final LeaseFence fence;

    RenewalRecordingLock(Lock lease, LeaseFence fence) {
        this.lease = lease;
        this.fence = fence;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
        return lease.get(client);
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        long started = fence.nanoTime();
        lease.create(client, record);
        recordIfHeld(record, started);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        long started = fence.nanoTime();
        lease.update(client, record);
        recordIfHeld(record, started);
    }

    private void recordIfHeld(LeaderElectionRecord record, long started) {
        if (identity().equals(record.getHolderIdentity())) {
            fence.renewed(started);
        }
    }

    @Override
    public String identity() {
        return lease.identity();
    }

    @Override
    public String describe() {
        return lease.describe();
    }
}
