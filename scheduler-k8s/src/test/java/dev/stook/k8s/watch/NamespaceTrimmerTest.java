package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NamespaceTrimmerTest {
    @Test
    void keepsTheNameAndLabelsOnly() {
        Namespace full = new NamespaceBuilder().withNewMetadata().withName("vision").withUid("u-1")
                .withResourceVersion("42").withLabels(Map.of("team", "ml"))
                .withAnnotations(Map.of("owner", "someone@example.com")).endMetadata()
                .withNewSpec().withFinalizers("kubernetes").endSpec()
                .withNewStatus().withPhase("Active").endStatus().build();

        Namespace trimmed = NamespaceTrimmer.trim(full);

        assertThat(trimmed.getMetadata().getName()).isEqualTo("vision");
        assertThat(trimmed.getMetadata().getLabels()).isEqualTo(Map.of("team", "ml"));
        assertThat(trimmed.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(trimmed.getSpec()).isNull();
        assertThat(trimmed.getStatus()).isNull();
    }
}
