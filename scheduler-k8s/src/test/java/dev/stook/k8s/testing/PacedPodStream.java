package dev.stook.k8s.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Creates half-cpu pods at a steady pace on its own thread until closed: a lone pod per tick, and
 * every {@code gangEvery} ticks a whole gang instead (all members needed).
 */
public final class PacedPodStream implements AutoCloseable {
    private static final String CPU = "500m";

    private final TestCluster cluster;
    private final long tickMillis;
    private final int gangEvery;
    private final int gangSize;
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final Thread creator;
    private volatile boolean stopped;
    private volatile RuntimeException failure;
    private volatile int gangs;

    private PacedPodStream(TestCluster cluster, long tickMillis, int gangEvery, int gangSize) {
        this.cluster = cluster;
        this.tickMillis = tickMillis;
        this.gangEvery = gangEvery;
        this.gangSize = gangSize;
        this.creator = new Thread(this::create, "paced-pod-stream");
    }

    public static PacedPodStream start(TestCluster cluster, long tickMillis, int gangEvery, int gangSize) {
        PacedPodStream stream = new PacedPodStream(cluster, tickMillis, gangEvery, gangSize);
        stream.creator.start();
        return stream;
    }

    private void create() {
        try {
            for (int tick = 1; !stopped; tick++) {
                if (tick % gangEvery == 0) {
                    createGang("gang-" + gangs++);
                } else {
                    cluster.create("pod-" + tick, CPU);
                    created.add("pod-" + tick);
                }
                Thread.sleep(tickMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void createGang(String gang) {
        for (int member = 0; member < gangSize; member++) {
            cluster.createGangMember(gang + "-" + member, CPU, gang, gangSize);
            created.add(gang + "-" + member);
        }
    }

    /** Names of the pods created so far. */
    public List<String> created() {
        return List.copyOf(created);
    }

    /** Gangs created so far. */
    public int gangs() {
        return gangs;
    }

    /** Stops creating and waits for the pod being created; fails if a create failed. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        creator.join();
        if (failure != null) {
            throw new IllegalStateException("creating the pod stream failed", failure);
        }
    }
}
