package dev.stook.k8s.translate;

import dev.stook.core.model.Pod;
import dev.stook.core.model.Resources;
import dev.stook.core.spark.SparkRole;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkPodTranslationTest {
    private static PodBuilder sparkPod(String name, String role) {
        return new PodBuilder().withNewMetadata().withNamespace("ns").withName(name)
                .addToLabels("spark-role", role).addToLabels("spark-app-selector", "spark-0001").endMetadata()
                .withNewSpec().addNewContainer().withName("spark").withNewResources()
                .addToRequests("cpu", new Quantity("1")).endResources().endContainer().endSpec();
    }

    @Test
    void aDriverAskingForHoldsCarriesHowManyAndWhatEachAsksFor() {
        Pod driver = PodTranslator.translate(sparkPod("driver", "driver").editMetadata()
                .addToAnnotations("stook.dev/spark-executors", "8")
                .addToAnnotations("stook.dev/spark-executor-resources", "cpu=4,memory=16Gi").endMetadata().build());

        assertThat(driver.spark()).isEqualTo(new SparkRole.Driver("spark-0001", 8,
                Resources.parse(Map.of("cpu", "4", "memory", "16Gi"))));
    }

    @Test
    void anExecutorNamesItsDriverThroughItsOwnerReference() {
        Pod executor = PodTranslator.translate(sparkPod("exec-1", "executor").editMetadata().addNewOwnerReference()
                .withApiVersion("v1").withKind("Pod").withName("driver").withUid("u").withController(true)
                .endOwnerReference().endMetadata().build());
        Pod byLabelsOnly = PodTranslator.translate(sparkPod("exec-2", "executor").build());

        assertThat(executor.spark()).isEqualTo(new SparkRole.Executor("spark-0001", "driver"));
        assertThat(byLabelsOnly.spark()).isEqualTo(new SparkRole.Executor("spark-0001", null));
        assertThat(PodTranslator.translate(sparkPod("driver", "driver").build()).spark()).isNull();
    }

    @Test
    void aMalformedValueOrADriverInAGangIsRefusedAsAnyBadAnnotation() {
        assertThatThrownBy(() -> PodTranslator.translate(sparkPod("driver", "driver").editMetadata()
                .addToAnnotations("stook.dev/spark-executors", "-1")
                .addToAnnotations("stook.dev/spark-executor-resources", "cpu=1").endMetadata().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stook.dev/spark-executors \"-1\" must be a whole number from 1 to 10000");
        assertThatThrownBy(() -> PodTranslator.translate(sparkPod("driver", "driver").editMetadata()
                .addToAnnotations("stook.dev/gang", "g")
                .addToAnnotations("stook.dev/spark-executors", "2")
                .addToAnnotations("stook.dev/spark-executor-resources", "cpu=1").endMetadata().build()))
                .hasMessage("stook.dev/spark-executors is for a driver scheduled on its own, not a member of gang ns/g");
    }

    @Test
    void aBoundDriverWithBadAnnotationsIsStillAccountedFor() {
        Pod bound = PodTranslator.translateBound(sparkPod("driver", "driver").editMetadata()
                .addToAnnotations("stook.dev/spark-executors", "many").endMetadata().build());

        assertThat(bound.spark()).isNull();
        assertThat(bound.requests()).isEqualTo(Resources.parse(Map.of("cpu", "1")));
    }
}
