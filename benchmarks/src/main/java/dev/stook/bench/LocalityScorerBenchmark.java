package dev.stook.bench;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cycle.PodPlacer;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.DataReads;
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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the Locality scorer costs: the {@code OneCycleBenchmark} workload on {@code nodes} nodes, each
 * caching {@code nodeRanges} random 100-chunk ranges of one 1M-chunk dataset, and every pending pod
 * reading its own {@code chunksPerPod} chunks in ranges of 20, so every pod is its own equivalence class
 * and every node is scored for it. One operation places all pods with a new placer;
 * {@code withLocality} runs the standard profile, {@code withoutLocality} the same with Locality weight 0
 * (the scorer is dropped).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocalityScorerBenchmark {
    private static final long DATASET_CHUNKS = 1_000_000;

    @Param("5000")
    public int nodes;

    @Param("200")
    public int pods;

    @Param("1000")
    public int chunksPerPod;

    @Param("20")
    public int nodeRanges;

    @Param("20261123")
    public long seed;

    private List<Pod> pending;
    private ClusterSnapshot snapshot;
    private PluginProfile withLocality;
    private PluginProfile withoutLocality;

    @Setup(Level.Trial)
    public void buildCluster() {
        Workload workload = WorkloadGenerator.generate(seed, nodes, pods);
        SplittableRandom random = new SplittableRandom(seed);
        ClusterState state = workload.newClusterState();
        ClusterSnapshot plain = state.snapshot();
        for (int i = 0; i < plain.size(); i++) {
            ChunkSet.Builder cached = ChunkSet.builder();
            for (int r = 0; r < nodeRanges; r++) {
                long start = random.nextLong(DATASET_CHUNKS - 100);
                cached.addRange("data", start, start + 100);
            }
            state.reportCachedChunks(plain.node(i).name(), cached.build());
        }
        snapshot = state.snapshot();
        pending = workload.pending().stream().map(pod -> pod.withDataReads(reads(random))).toList();
        withLocality = PluginProfile.standard();
        withoutLocality = PluginProfile.standard(Map.of("Locality", 0));
    }

    private DataReads reads(SplittableRandom random) {
        ChunkSet.Builder chunks = ChunkSet.builder();
        long start = random.nextLong(DATASET_CHUNKS - 2L * chunksPerPod);
        for (int read = 0; read < chunksPerPod; read += 20) {
            chunks.addRange("data", start, start + 20);
            start += 40;
        }
        return DataReads.of(chunks.build(), DataReads.DEFAULT_CHUNK_BYTES);
    }

    @Benchmark
    public int[] withLocality() {
        return PlacementRun.placeAll(pending, new ScratchCluster(snapshot), new PodPlacer(withLocality)::bestNode);
    }

    @Benchmark
    public int[] withoutLocality() {
        return PlacementRun.placeAll(pending, new ScratchCluster(snapshot), new PodPlacer(withoutLocality)::bestNode);
    }
}
