package dev.stook.core.queue;

import dev.stook.core.model.Resources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FairSharesTest {
    private static Resources cpu(int cores) {
        return Resources.builder().cpuMillis(cores * 1000L).build();
    }

    @Test
    void weightsDivideAContestedResource() {
        QueueConfig config = QueueConfigParser.parse("queues: [{name: a, weight: 1}, {name: b, weight: 3}]");

        Map<String, Resources> shares = FairShares.compute(config, cpu(16), Map.of("a", cpu(100), "b", cpu(100)));

        assertThat(shares).containsEntry("a", cpu(4)).containsEntry("b", cpu(12));
    }

    @Test
    void whatOneQueueCannotUseGoesToTheOthers() {
        QueueConfig config = QueueConfigParser.parse("queues: [{name: a, weight: 1}, {name: b, weight: 3}]");

        Map<String, Resources> shares = FairShares.compute(config, cpu(16), Map.of("a", cpu(100), "b", cpu(2)));

        assertThat(shares).containsEntry("a", cpu(14)).containsEntry("b", cpu(2));
    }

    @Test
    void guaranteesComeFirstAndCapsAreNeverExceeded() {
        QueueConfig config = QueueConfigParser.parse("""
                queues:
                  - {name: a, weight: 1, guaranteed: {cpu: 10}}
                  - {name: b, weight: 9, max: {cpu: 3}}
                  - {name: c, weight: 9}
                """);

        Map<String, Resources> shares = FairShares.compute(config, cpu(16),
                Map.of("a", cpu(100), "b", cpu(100), "c", cpu(100)));

        assertThat(shares).containsEntry("a", cpu(10)).containsEntry("b", cpu(3)).containsEntry("c", cpu(3));
    }

    @Test
    void sharesDivideAgainDownTheTree() {
        QueueConfig config = QueueConfigParser.parse("""
                queues:
                  - name: research
                    children: [{name: nlp}, {name: vision, weight: 3}]
                  - name: prod
                """);

        Map<String, Resources> shares = FairShares.compute(config, cpu(16),
                Map.of("research.nlp", cpu(100), "research.vision", cpu(100), "prod", cpu(100)));

        assertThat(shares).containsEntry("research", cpu(8)).containsEntry("prod", cpu(8))
                .containsEntry("research.nlp", cpu(2)).containsEntry("research.vision", cpu(6));
    }

    @Test
    void idleQueuesGetNothingAndNothingIsInvented() {
        QueueConfig config = QueueConfigParser.parse("queues: [{name: a}, {name: b, guaranteed: {cpu: 4}}]");

        Map<String, Resources> shares = FairShares.compute(config, cpu(16), Map.of("a", cpu(3)));

        assertThat(shares).containsEntry("a", cpu(3)).containsEntry("b", Resources.NONE);
    }
}
