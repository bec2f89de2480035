package dev.stook.k8s.bench;

import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealServerAssumption;
import dev.stook.k8s.testing.real.StookAccess;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm standby taking over: {@code stook run} starts while another identity holds the lease, syncs its
 * caches, the pending pods arrive through its watch; then the holder releases the lease as fabric8 does
 * (duration 1 s) and the clock runs from the moment a watch sees the standby hold the lease to the first pod
 * seen bound. Not part of the suite (see benchmarks/RESULTS.md for the command); Stook variants
 * as {@link StookVariant} reads them.
 */
class StandbyTakeoverBenchmark {
    private static final int NODES = Integer.getInteger("bench.nodes", 500);
    private static final int PODS = Integer.getInteger("bench.pods", 2_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int CREATORS = 16;
    private static final String HOLDER = "another-instance";
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** After the last pod is created: time for the standby's watch to deliver it. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private record Run(String variant, double releaseToTakeoverSeconds, double takeoverToFirstBindSeconds,
                       double firstToLastSeconds) {}

    @Test
    void aSyncedStandbyBindsSoonAfterTakingTheLease() throws Exception {
        RealServerAssumption.check(getClass().getSimpleName());
        SchedulerConfig config = SchedulerConfig.DEFAULTS.withNamespace(TestCluster.SYSTEM_NAMESPACE);
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (StookVariant variant : StookVariant.fromProperty()) {
                runs.add(measure(config, variant));
            }
        }
        System.out.printf("%nStandby takeover on kube-apiserver %s: %d pods pending on %d nodes%n", "v1.20.2", PODS, NODES);
        System.out.printf("  %-40s %18s %22s %16s%n", "variant", "release->lease s", "lease->first bind s",
                "first->last s");
        for (Run run : runs) {
            System.out.printf("  %-40s %18.2f %22.2f %16.2f%n", run.variant(), run.releaseToTakeoverSeconds(),
                    run.takeoverToFirstBindSeconds(), run.firstToLastSeconds());
        }
    }

    private static Run measure(SchedulerConfig config, StookVariant variant) throws Exception {
        try (ControlPlane plane = ControlPlane.start(ControlPlane.Options.API_ONLY);
             KubernetesClient admin = plane.adminClient()) {
            StookAccess.grant(plane);
            admin.leases().inNamespace(config.namespace()).resource(new LeaseBuilder().withNewMetadata()
                    .withName(config.leaseName()).endMetadata().withNewSpec().withHolderIdentity(HOLDER)
                    .withLeaseDurationSeconds(3_600).withAcquireTime(now()).withRenewTime(now()).withLeaseTransitions(0)
                    .endSpec().build()).create();
            inParallel(NODES, i -> admin.nodes().resource(new NodeBuilder().withNewMetadata()
                    .withName("node-" + i).endMetadata().withNewStatus()
                    .addToAllocatable("cpu", new Quantity("32")).addToAllocatable("memory", new Quantity("128Gi"))
                    .addToAllocatable("pods", new Quantity("110"))
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create());
            try (StookProcess standby = new StookProcess(plane, config.namespace(), variant, "info");
                 BindTimes times = new BindTimes(admin, NAMESPACE, PODS)) {
                assertThat(standby.awaitLog("caches synced", PATIENCE)).as("the standby synced its caches").isTrue();
                inParallel(PODS, i -> admin.pods().inNamespace(NAMESPACE)
                        .resource(TestCluster.pod("p" + i, "1").build()).create());
                Thread.sleep(SETTLE.toMillis());
                assertThat(times.bound()).as("the standby bound nothing before it led").isZero();
                AtomicLong takenOver = new AtomicLong();
                SharedIndexInformer<Lease> lease = admin.leases().inNamespace(config.namespace())
                        .withName(config.leaseName()).inform(new ResourceEventHandler<>() {
                            @Override
                            public void onAdd(Lease object) {
                                seen(object);
                            }

                            @Override
                            public void onUpdate(Lease before, Lease after) {
                                seen(after);
                            }

                            @Override
                            public void onDelete(Lease object, boolean finalStateUnknown) {
                            }

                            private void seen(Lease object) {
                                if (!HOLDER.equals(object.getSpec().getHolderIdentity())) {
                                    takenOver.compareAndSet(0, System.nanoTime());
                                }
                            }
                        });
                try (lease) {
                    long released = System.nanoTime();
                    admin.leases().inNamespace(config.namespace()).withName(config.leaseName())
                            .edit(l -> new LeaseBuilder(l).editSpec().withLeaseDurationSeconds(1).withRenewTime(now())
                                    .endSpec().build());
                    assertThat(times.awaitAll(5)).as(variant.label() + " bound every pod").isTrue();
                    assertThat(takenOver.get()).isPositive();
                    return new Run(variant.label(), (takenOver.get() - released) / 1e9, (times.first() - takenOver.get()) / 1e9,
                            (times.last() - times.first()) / 1e9);
                }
            }
        }
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }

    private static void inParallel(int count, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
        IntStream.range(0, count).forEach(i -> pool.execute(() -> task.accept(i)));
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }
}
