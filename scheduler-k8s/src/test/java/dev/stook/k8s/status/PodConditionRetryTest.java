package dev.stook.k8s.status;

import dev.stook.k8s.testing.FaultPlan;
import dev.stook.k8s.testing.FaultPlan.Rates;
import dev.stook.k8s.testing.FaultPlan.Target;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PodConditionRetryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final List<String> TOO_BIG = IntStream.range(0, 5).mapToObj(i -> "too-big-" + i).toList();
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aConditionWriteThatFailedIsRetriedOnceTheServerRecovers() {
        cluster.node("n1", "4", "16Gi");
        FaultPlan failing = new FaultPlan(3, Map.of(Target.POD_STATUS, new Rates(1, 0, 0, 0, 0)), 0);
        cluster.api().injectFaults(failing);
        cluster.startSchedulerWithoutClientRetries();
        TOO_BIG.forEach(name -> cluster.create(name, "8"));
        await().atMost(PATIENCE).until(() -> failing.injected(Target.POD_STATUS, FaultPlan.Fault.SERVER_ERROR)
                >= TOO_BIG.size());

        cluster.api().injectFaults(new FaultPlan(3, Map.of(), 0));

        await().atMost(PATIENCE).untilAsserted(() -> TOO_BIG.forEach(name ->
                assertThat(cluster.podScheduled(name)).hasValueSatisfying(condition -> {
                    assertThat(condition.getStatus()).isEqualTo("False");
                    assertThat(condition.getReason()).isEqualTo("Unschedulable");
                })));
    }
}
