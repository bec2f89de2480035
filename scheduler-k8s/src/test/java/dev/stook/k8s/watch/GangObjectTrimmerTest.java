package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gang-declaring objects are cached with what their declarations read and little else. */
class GangObjectTrimmerTest {
    @Test
    void aJobKeepsItsSizeAndSucceededCountButNotItsTemplate() {
        Job job = new JobBuilder().withNewMetadata().withNamespace("ml").withName("etl").withUid("u")
                .withResourceVersion("7").addToAnnotations("big", "x".repeat(1000)).endMetadata().withNewSpec()
                .withParallelism(4).withCompletions(10).withCompletionMode("Indexed").withNewTemplate().withNewSpec()
                .addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().endTemplate().endSpec()
                .withNewStatus().withSucceeded(3).withActive(4).endStatus().build();

        Job trimmed = GangObjectTrimmer.job(job);

        assertThat(trimmed.getMetadata().getName()).isEqualTo("etl");
        assertThat(trimmed.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(trimmed.getSpec().getParallelism()).isEqualTo(4);
        assertThat(trimmed.getSpec().getCompletions()).isEqualTo(10);
        assertThat(trimmed.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(trimmed.getSpec().getTemplate()).isNull();
        assertThat(trimmed.getStatus().getSucceeded()).isEqualTo(3);
        assertThat(trimmed.getStatus().getActive()).isNull();
    }

    @Test
    void aPodGroupKeepsItsSpecButNotItsStatus() {
        GenericKubernetesResource group = new GenericKubernetesResourceBuilder().withKind("PodGroup").withNewMetadata()
                .withNamespace("ml").withName("train").endMetadata()
                .addToAdditionalProperties("spec", Map.of("minMember", 3))
                .addToAdditionalProperties("status", Map.of("phase", "Pending")).build();

        GenericKubernetesResource trimmed = GangObjectTrimmer.specOnly(group);

        assertThat(trimmed.getAdditionalProperties()).containsOnlyKeys("spec");
        assertThat((Object) trimmed.get("spec", "minMember")).isEqualTo(3);
    }
}
