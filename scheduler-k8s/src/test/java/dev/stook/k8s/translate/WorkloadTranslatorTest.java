package dev.stook.k8s.translate;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTranslatorTest {
    private static final Map<String, String> WEB = Map.of("app", "web");

    @Test
    void readsEachKindsSelector() {
        assertThat(WorkloadTranslator.selectorOf(new ServiceBuilder().withNewSpec().withSelector(WEB).endSpec()
                .build())).isEqualTo(new LabelSelector(WEB, List.of()));
        LabelSelector none = WorkloadTranslator.selectorOf(new ServiceBuilder().withNewSpec().endSpec().build());
        assertThat(none.matchesNothing() || none.matchLabels().isEmpty() && none.requirements().isEmpty())
                .as("a Service without a selector selects nothing").isTrue();
        assertThat(WorkloadTranslator.selectorOf(new ReplicationControllerBuilder().withNewSpec().withSelector(WEB)
                .endSpec().build())).isEqualTo(new LabelSelector(WEB, List.of()));
        assertThat(WorkloadTranslator.selectorOf(new ReplicaSetBuilder().withNewSpec().withNewSelector()
                .addToMatchLabels(WEB).addNewMatchExpression().withKey("track").withOperator("NotIn")
                .withValues("canary").endMatchExpression().endSelector().endSpec().build()))
                .isEqualTo(new LabelSelector(WEB, List.of(new NodeSelectorRequirement("track",
                        NodeSelectorRequirement.Operator.NOT_IN, List.of("canary")))));
        assertThat(WorkloadTranslator.selectorOf(new StatefulSetBuilder().withNewSpec().withNewSelector()
                .addToMatchLabels(WEB).endSelector().endSpec().build())).isEqualTo(new LabelSelector(WEB, List.of()));
    }

    @Test
    void refusesAMalformedSelectorNamingTheField() {
        assertThatThrownBy(() -> WorkloadTranslator.selectorOf(new ReplicaSetBuilder().withNewSpec().withNewSelector()
                .addNewMatchExpression().withKey("track").withOperator("Sometimes").endMatchExpression().endSelector()
                .endSpec().build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spec.selector.matchExpressions[0]: ");
    }

    @Test
    void aPodsControllerCountsOnlyWhenItIsAReplicationControllerReplicaSetOrStatefulSet() {
        assertThat(WorkloadTranslator.controllerOf(owned("apps/v1", "ReplicaSet", true))).isEqualTo("ReplicaSet/owner");
        assertThat(WorkloadTranslator.controllerOf(owned("apps/v1", "StatefulSet", true)))
                .isEqualTo("StatefulSet/owner");
        assertThat(WorkloadTranslator.controllerOf(owned("v1", "ReplicationController", true)))
                .isEqualTo("ReplicationController/owner");
        assertThat(WorkloadTranslator.controllerOf(owned("batch/v1", "Job", true))).isNull();
        assertThat(WorkloadTranslator.controllerOf(owned("apps/v1", "ReplicaSet", false))).as("owner, not controller")
                .isNull();
        assertThat(WorkloadTranslator.controllerOf(owned("example.com/v1", "ReplicaSet", true))).isNull();
    }

    private static io.fabric8.kubernetes.api.model.Pod owned(String apiVersion, String kind, boolean controller) {
        return new PodBuilder().withNewMetadata().withNamespace("ns").withName("p").addNewOwnerReference()
                .withApiVersion(apiVersion).withKind(kind).withName("owner").withUid("u").withController(controller)
                .endOwnerReference().endMetadata().build();
    }
}
