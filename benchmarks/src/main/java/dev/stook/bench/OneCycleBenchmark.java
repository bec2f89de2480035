package dev.stook.bench;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.PodPlacer;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.PluginProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One scheduling cycle: {@code pods} pending pods placed one by one on {@code nodes} heterogeneous,
 * partly used nodes, always from the same starting state. One operation is the whole cycle, so pod
 * decisions per second are ops/s times {@code pods}.
 * <ul>
 * <li>{@code perPodBaseline}: every filter on every node and every scorer on every feasible node, per pod.</li>
 * <li>{@code stookPlacerCold}: a new {@link PodPlacer}, as in a scheduler's first cycle: its equivalence
 * classes are built during the measured operation.</li>
 * <li>{@code stookPlacerWarm}: a placer that already placed the same pods on the same snapshot; only nodes
 * whose usage changed since (those the previous cycle placed on) are evaluated again, as in steady state.</li>
 * <li>{@code stookSchedulerFirstCycle}: the whole engine on a new cluster state: snapshot, queue order,
 * placement, explanations for pods that wait, and assuming the binds.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OneCycleBenchmark {
    @Param("5000")
    public int nodes;

    @Param("1000")
    public int pods;

    @Param("20261123")
    public long seed;

    /** The share of pending pods with inter-pod affinity or spread constraints ({@link PodRelations}). */
    @Param("0")
    public int relatedPercent;

    private Workload workload;
    private ClusterSnapshot snapshot;
    private PluginProfile profile;
    private PodPlacer warmPlacer;

    @Setup(Level.Trial)
    public void buildCluster() {
        workload = WorkloadGenerator.generate(seed, nodes, pods, relatedPercent);
        snapshot = workload.newClusterState().snapshot();
        profile = PluginProfile.standard();
        warmPlacer = new PodPlacer(profile);
        PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), warmPlacer::bestNode);
    }

    @Benchmark
    public int[] perPodBaseline() {
        return PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), new PerPodBaseline(profile));
    }

    @Benchmark
    public int[] stookPlacerCold() {
        return PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), new PodPlacer(profile)::bestNode);
    }

    @Benchmark
    public int[] stookPlacerWarm() {
        return PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), warmPlacer::bestNode);
    }

    @Benchmark
    public List<Decision> stookSchedulerFirstCycle(FreshScheduler fresh) {
        return fresh.scheduler.runCycle();
    }

    /** A new scheduler on a new cluster state, with every pending pod submitted, before each operation. */
    @State(Scope.Thread)
    public static class FreshScheduler {
        Scheduler scheduler;

        @Setup(Level.Invocation)
        public void submitWorkload(OneCycleBenchmark benchmark) {
            scheduler = new Scheduler(benchmark.workload.newClusterState(), benchmark.profile);
            for (Pod pod : benchmark.workload.pending()) {
                scheduler.submit(pod);
            }
        }
    }
}
