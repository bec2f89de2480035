package dev.stook.core.queue;

import dev.stook.core.model.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueConfigParserTest {
    static final String DESIGN_EXAMPLE = """
            queues:
              - name: research            # path: research
                weight: 2
                guaranteed: {cpu: "100", memory: 400Gi}
                max: {cpu: "300"}
                policy: fair               # fifo | priority | fair
                submitters: {namespaces: ["ml-*"]}
                children:
                  - name: nlp               # path: research.nlp
                  - name: vision
              - name: prod
                weight: 3
                guaranteed: {cpu: "200", memory: 800Gi, nvidia.com/gpu: "8"}
              - name: default
            placement:                      # first match wins when a pod names no queue
              - {namespace: "ml-*", queue: research.nlp}
              - {queue: default}
            """;

    @Test
    void readsTheDesignExample() {
        QueueConfig config = QueueConfigParser.parse(DESIGN_EXAMPLE);

        QueueDefinition research = config.queue("research");
        assertThat(research.weight()).isEqualTo(2);
        assertThat(research.guaranteed()).isEqualTo(Resources.parse(Map.of("cpu", "100", "memory", "400Gi")));
        assertThat(research.max().limit(0)).isEqualTo(300_000);
        assertThat(research.max().limits(1)).as("memory is not capped").isFalse();
        assertThat(research.submitters()).isEqualTo(new Submitters(List.of(new NamespaceGlob("ml-*")), null));
        assertThat(config.queue("research.nlp").policy()).as("inherited").isEqualTo(QueuePolicy.FAIR);
        assertThat(config.queue("research.nlp").isLeaf()).isTrue();
        assertThat(config.queue("prod").policy()).isEqualTo(QueuePolicy.PRIORITY);
        assertThat(config.queue("prod").max().isNone()).isTrue();
        assertThat(config.placement()).containsExactly(
                new PlacementRule(new NamespaceGlob("ml-*"), "research.nlp"), new PlacementRule(null, "default"));
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        QueueConfig config = QueueConfigParser.parse(java.nio.file.Files.readString(java.nio.file.Path.of("../config/queues.yaml")));

        assertThat(config.queue("research.vision").guaranteed()).isEqualTo(Resources.parse(Map.of("cpu", "40", "memory", "160Gi")));
        assertThat(config.placement()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key   | 'queues: [{name: a}]\\nqueue: []'                         | line 2: unknown key "queue" in the config; allowed: placement, queues
            unknown queue key       | 'queues:\\n  - name: a\\n    wieght: 2'                   | line 3: unknown key "wieght" in a queue; allowed: children, guaranteed, max, name, policy, submitters, weight
            bad quantity            | 'queues:\\n  - name: a\\n    guaranteed: {cpu: lots}'     | line 3: a.guaranteed: cpu: invalid quantity "lots": expected a number with an optional suffix such as m, k, M, G, Ki, Mi, Gi or e6
            negative quantity       | 'queues:\\n  - name: a\\n    max: {memory: -1Gi}'         | line 3: a.max: memory: invalid quantity "-1Gi": must not be negative
            negative weight         | 'queues:\\n  - name: a\\n    weight: -2'                  | line 3: queue a: weight "-2" must be a number above 0 and at most 1000000
            zero weight             | 'queues:\\n  - name: a\\n    weight: 0'                   | line 3: queue a: weight "0" must be a number above 0 and at most 1000000
            guarantee above max     | 'queues:\\n  - name: a\\n    guaranteed: {cpu: 4}\\n    max: {cpu: 2}' | line 4: queue a: guaranteed {cpu=4} exceeds its max {cpu=2}
            children over parent    | 'queues:\\n  - name: a\\n    guaranteed: {cpu: 4}\\n    children:\\n      - {name: b, guaranteed: {cpu: 3}}\\n      - {name: c, guaranteed: {cpu: 3}}' | line 2: queue a: its children guarantee {cpu=6}, more than its own guarantee {cpu=4}
            duplicate names         | 'queues:\\n  - name: a\\n  - name: a'                     | line 3: duplicate queue name "a" under the top level
            bad name                | 'queues:\\n  - name: Research.NLP'                        | line 2: invalid queue name "Research.NLP": use 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit
            missing name            | 'queues:\\n  - weight: 1'                                 | line 2: queue without a "name"
            unknown policy          | 'queues:\\n  - name: a\\n    policy: lifo'                | line 3: queue a: unknown policy "lifo": expected fifo, priority or fair
            rule to unknown queue   | 'queues: [{name: a}]\\nplacement:\\n  - {queue: b}'       | line 3: placement rule names unknown queue "b"
            rule to inner queue     | 'queues: [{name: a, children: [{name: b}]}]\\nplacement: [{queue: a}]' | line 2: placement rule names "a", which has children: pods go to leaf queues
            rule without queue      | 'queues: [{name: a}]\\nplacement: [{namespace: x}]'     | line 2: placement rule without a "queue"
            bad namespace pattern   | 'queues: [{name: a}]\\nplacement: [{namespace: "ML_*", queue: a}]' | line 2: invalid namespace pattern "ML_*": use lowercase letters, digits, '-', and the wildcards * and ?
            wrong type              | 'queues: {name: a}'                                      | line 1: expected a list of queues
            no queues               | 'placement: []'                                          | line 1: missing "queues": list at least one queue
            empty queue list        | 'queues: []'                                             | line 1: "queues" is empty: list at least one queue
            not yaml                | 'queues: [name: a'                                       | line 1: not valid YAML: expected ',' or ']', but got <stream end>
            empty document          | '# nothing'                                              | line 1: the config is empty
            duplicate key           | 'queues: [{name: a, name: b}]'                           | line 1: duplicate key "name" in a queue
            submitters of nobody    | 'queues:\n  - name: a\n    submitters: {namespaces: []}' | line 3: queue a: submitters names nobody; list namespaces or a namespaceSelector, or leave submitters out to allow whoever the parent allows
            unknown selector key    | 'queues:\n  - name: a\n    submitters: {namespaceSelector: {labels: {}}}' | line 3: unknown key "labels" in a namespaceSelector; allowed: matchExpressions, matchLabels
            unknown operator        | 'queues:\n  - name: a\n    submitters: {namespaceSelector: {matchExpressions: [{key: team, operator: Has}]}}' | line 3: queue a: submitters.namespaceSelector: unknown operator "Has"; use In, NotIn, Exists or DoesNotExist
            In without values       | 'queues:\n  - name: a\n    submitters: {namespaceSelector: {matchExpressions: [{key: team, operator: In}]}}' | line 3: queue a: submitters.namespaceSelector: operator In needs at least one value
            Exists with values      | 'queues:\n  - name: a\n    submitters: {namespaceSelector: {matchExpressions: [{key: team, operator: Exists, values: [x]}]}}' | line 3: queue a: submitters.namespaceSelector: operator Exists takes no values
            bad label key           | 'queues:\n  - name: a\n    submitters: {namespaceSelector: {matchLabels: {"-team": ml}}}' | line 3: queue a: submitters.namespaceSelector: invalid label key "-team"
            bad label value         | 'queues:\n  - name: a\n    submitters: {namespaceSelector: {matchLabels: {team: "m l"}}}' | line 3: queue a: submitters.namespaceSelector: invalid label value "m l"
            """)
    void everyKindOfMistakeIsReportedWithItsLine(String kind, String yaml, String error) {
        assertThatThrownBy(() -> QueueConfigParser.parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(QueueConfigException.class)
                .satisfies(e -> assertThat(((QueueConfigException) e).errors()).contains(error));
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        assertThatThrownBy(() -> QueueConfigParser.parse("queues:\n  - name: a\n    weight: x\n  - name: B\n"))
                .isInstanceOfSatisfying(QueueConfigException.class, e -> assertThat(e.errors()).hasSize(2));
    }

    @Test
    void refusesAliasesSoAFewLinesCannotStandForThousandsOfQueues() {
        StringBuilder yaml = new StringBuilder("leaf: &l0 [{name: x}, {name: y}]\n");
        for (int level = 1; level <= 10; level++) {
            yaml.append("l").append(level).append(": &l").append(level).append(" [{name: x, children: *l")
                    .append(level - 1).append("}, {name: y, children: *l").append(level - 1).append("}]\n");
        }
        yaml.append("queues: *l10\n");

        assertThatThrownBy(() -> QueueConfigParser.parse(yaml.toString()))
                .isInstanceOfSatisfying(QueueConfigException.class, e -> assertThat(e.errors()).containsExactly(
                        "line 2: YAML aliases (*l0) are not allowed in the queue config; write each queue out"));
    }

    @Test
    void refusesHostileInputWithoutFallingOver() {
        assertThatThrownBy(() -> QueueConfigParser.parse("queues:\n" + "  - name: a\n    children:\n".repeat(1)
                + "      - name: b\n        children: " + "[".repeat(500) + "]".repeat(500)))
                .isInstanceOf(QueueConfigException.class);
        assertThatThrownBy(() -> QueueConfigParser.parse("queues: [{name: " + "a".repeat(2 << 20) + "}]"))
                .isInstanceOf(QueueConfigException.class).hasMessageContaining("larger than");
        String billionLaughs = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        assertThatThrownBy(() -> QueueConfigParser.parse(billionLaughs)).isInstanceOf(QueueConfigException.class);
    }

    @Test
    void readsSubmittersChosenByNamespaceLabels() {
        QueueConfig config = QueueConfigParser.parse("""
                queues:
                  - name: ml
                    submitters:
                      namespaces: ["ml-*"]
                      namespaceSelector:
                        matchLabels: {example.com/team: ml}
                        matchExpressions:
                          - {key: tier, operator: NotIn, values: [prod, staging]}
                          - {key: frozen, operator: DoesNotExist}
                """);

        assertThat(config.queue("ml").submitters()).isEqualTo(new Submitters(List.of(new NamespaceGlob("ml-*")),
                new NamespaceSelector(Map.of("example.com/team", "ml"), List.of(
                        new LabelRequirement("tier", LabelRequirement.Operator.NotIn, List.of("prod", "staging")),
                        new LabelRequirement("frozen", LabelRequirement.Operator.DoesNotExist, List.of())))));
    }

    @Test
    void namespaceGlobsMatchLikeShellPatterns() {
        assertThat(new NamespaceGlob("ml-*").matches("ml-team")).isTrue();
        assertThat(new NamespaceGlob("ml-*").matches("ml-")).isTrue();
        assertThat(new NamespaceGlob("ml-*").matches("prod")).isFalse();
        assertThat(new NamespaceGlob("team-?").matches("team-a")).isTrue();
        assertThat(new NamespaceGlob("team-?").matches("team-ab")).isFalse();
        assertThat(new NamespaceGlob("*").matches("anything")).isTrue();
    }
}
