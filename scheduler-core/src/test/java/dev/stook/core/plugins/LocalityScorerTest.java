package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import org.junit.jupiter.api.Test;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.Fixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

class LocalityScorerTest {
    private final ScorerPlugin locality = new LocalityScorer();

    /** The pod's score on the node holding the chunks, prepared as the placer prepares it. */
    private int scoreOn(Pod pod, Node node, String chunks) {
        ClusterState state = new ClusterState();
        state.upsertNode(node);
        state.reportCachedChunks(node.name(), ChunkSet.parse(chunks));
        ScratchCluster cluster = new ScratchCluster(state.snapshot());
        return locality.prepare(pod, cluster).score(pod, cluster.slot(0));
    }

    @Test
    void scoresTheShareOfThePodsChunksOnTheNode() {
        Node node = node("n", "8", "8Gi");
        Pod pod = reader("reader", "d:0-99");

        assertThat(scoreOn(pod, node, "d:0-99,e:0-5")).isEqualTo(100);
        assertThat(scoreOn(pod, node, "d:50-149")).isEqualTo(50);
        assertThat(scoreOn(pod, node, "d:0,d:99")).isEqualTo(2);
        assertThat(scoreOn(pod, node, "e:0-99")).isZero();
    }

    @Test
    void aPodThatReadsNothingScoresZeroEverywhere() {
        assertThat(scoreOn(pod("p", "1", "1Gi"), node("n", "8", "8Gi"), "d:0-99")).isZero();
    }
}
