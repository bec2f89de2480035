package dev.stook.core.queue;

import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may submit to a queue: namespaces by name pattern, or by their labels. */
class QueueAccessTest {
    private static final QueueConfig CONFIG = QueueConfigParser.parse("""
            queues:
              - name: ml
                submitters:
                  namespaces: ["ml-*"]
                  namespaceSelector:
                    matchLabels: {team: ml}
                    matchExpressions:
                      - {key: frozen, operator: DoesNotExist}
                children:
                  - name: train
              - name: prod
                submitters: {namespaceSelector: {matchExpressions: [{key: tier, operator: In, values: [prod]}]}}
              - name: open
            """);

    @Test
    void aNamespaceMatchingAPatternMaySubmitWhateverItsLabels() {
        assertThat(resolve("ml-research", "ml.train", Map.of()).queue()).isEqualTo("ml.train");
    }

    @Test
    void aNamespaceWhoseLabelsMatchTheSelectorMaySubmit() {
        assertThat(resolve("vision", "ml.train", Map.of("team", "ml")).queue()).isEqualTo("ml.train");
        assertThat(resolve("shop", "prod", Map.of("tier", "prod")).queue()).isEqualTo("prod");
    }

    @Test
    void everyPartOfTheSelectorMustHold() {
        QueueResolver.Resolution frozen = resolve("vision", "ml.train", Map.of("team", "ml", "frozen", "yes"));

        assertThat(frozen.resolved()).isFalse();
        assertThat(frozen.problem()).isEqualTo("namespace vision may not submit to queue ml.train (submitters: ml-*,"
                + " namespaces labelled team=ml,!frozen)");
    }

    @Test
    void aNamespaceWithoutTheLabelsMayNotSubmit() {
        assertThat(resolve("vision", "ml.train", Map.of()).problem())
                .isEqualTo("namespace vision may not submit to queue ml.train (submitters: ml-*, namespaces labelled"
                        + " team=ml,!frozen)");
        assertThat(resolve("shop", "prod", Map.of("tier", "dev")).problem())
                .isEqualTo("namespace shop may not submit to queue prod (submitters: namespaces labelled tier in (prod))");
    }

    @Test
    void aQueueThatNamesNoSubmittersIsOpen() {
        assertThat(resolve("anyone", "open", Map.of()).queue()).isEqualTo("open");
    }

    @Test
    void aClosedConfigAdmitsNobodyAndSaysWhy() {
        QueueResolver closed = new QueueResolver(QueueConfig.closed("the queue config is invalid"), NamespaceLabels.NONE);

        QueueResolver.Resolution resolution = closed.resolve(new Pod(new PodId("anyone", "p"), Resources.NONE, 0, 0,
                PlacementConstraints.NONE));

        assertThat(resolution.resolved()).isFalse();
        assertThat(resolution.problem()).isEqualTo("the queue config is invalid");
    }

    private static QueueResolver.Resolution resolve(String namespace, String queue, Map<String, String> labels) {
        QueueResolver resolver = new QueueResolver(CONFIG, name -> name.equals(namespace) ? labels : Map.of());
        Pod pod = new Pod(new PodId(namespace, "p"), Resources.NONE, 0, 0, PlacementConstraints.NONE).inQueue(queue);
        return resolver.resolve(pod);
    }
}
