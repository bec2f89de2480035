package dev.stook.k8s.status;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamespaceRoundRobinTest {
    private final NamespaceRoundRobin<String> waiting = new NamespaceRoundRobin<>(1_000);

    @Test
    void aFloodInOneNamespaceNeitherCrowdsOutNorDelaysAnother() throws InterruptedException {
        for (int i = 0; i < 5_000; i++) {
            waiting.add("flood", "flood-" + i);
        }
        waiting.add("quiet", "quiet");

        assertThat(waiting.take()).hasValue("flood-4001");
        assertThat(waiting.take()).hasValue("quiet");
        assertThat(waiting.take()).hasValue("flood-4002");
    }

    @Test
    void namespacesTakeTurns() throws InterruptedException {
        waiting.add("a", "a1");
        waiting.add("a", "a2");
        waiting.add("b", "b1");
        waiting.add("c", "c1");
        waiting.add("c", "c2");

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.add(waiting.take().orElseThrow());
        }

        assertThat(order).containsExactly("a1", "b1", "c1", "a2", "c2");
    }

    @Test
    void closedItHandsOutNothing() throws InterruptedException {
        waiting.add("a", "a1");
        waiting.close();

        assertThat(waiting.take()).isEmpty();
    }
}
