package dev.stook.k8s.translate;

import dev.stook.core.gang.GangMembership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Job's pods as a gang of what the Job runs at once: parallelism bounded by the completions left; the work-queue
 * patterns and Indexed Jobs (which v1.20 lacks, so only here).
 */
class JobGangsTest {
    private static final Map<String, String> ASKS = Map.of(JobDeclarations.GANG_FROM_JOB, "true");

    @ParameterizedTest(name = "parallelism {0}, completions {1}, succeeded {2}: {3} members")
    @CsvSource(nullValues = "-", value = {
            "4, 10, 0, 4",    // fixed completions: as many as run at once
            "4, 10, 8, 2",    // the last two completions: the last two pods
            "4, 3, 0, 3",     // fewer completions than parallelism: the controller makes only three pods
            "4, -, 0, 4",     // work queue, completions unset: every worker starts together
            "4, -, 2, 4",     // work queue with some workers done: the rest are still one gang of parallelism
            "-, -, 0, 1",     // neither set: one pod, a gang of one
            "4, 10, 10, 1",   // nothing left to run: its last pods need no gang
            "0, 10, 0, 1",    // parallelism 0 (paused): no gang is needed
    })
    void theGangIsWhatTheJobRunsAtOnce(Integer parallelism, Integer completions, Integer succeeded, int members) {
        assertThat(gangOf(job(parallelism, completions, succeeded, null)).minMembers()).isEqualTo(members);
    }

    @Test
    void anIndexedJobCountsOnePodPerIndexLeft() {
        Job indexed = job(3, 5, 1, "Indexed");

        GangMembership gang = gangOf(indexed);

        assertThat(gang.minMembers()).isEqualTo(3);
        assertThat(gangOf(job(3, 5, 3, "Indexed")).minMembers()).isEqualTo(2);
    }

    @Test
    void theGangIsNamedAsTheControllersGangAndItsSourceIsTheJob() {
        GangMembership gang = gangOf(job(2, 2, 0, null));

        assertThat(gang.id().name()).isEqualTo("Job/etl");
        assertThat(gang.source()).isEqualTo("Job etl (stook.dev/gang-from-job)");
    }

    @Test
    void aJobTooWideForAGangIsRefusedClearly() {
        Pod pod = GangSourcesTest.jobPod(Map.of(), ASKS);

        assertThat(GangSources.lookup(pod, objects(job(20_000, null, 0, null))).problem()).isEqualTo(
                "Job etl: spec.parallelism 20000 is larger than the limit of 10000 gang members (stook.dev/gang-from-job)");
    }

    @Test
    void theAnnotationMustBeTrueOrFalseAndNeedsAJobAsController() {
        assertThat(GangSources.lookup(GangSourcesTest.jobPod(Map.of(), Map.of(JobDeclarations.GANG_FROM_JOB, "yes")),
                GangObjects.NONE).problem()).isEqualTo("stook.dev/gang-from-job \"yes\" must be \"true\" or \"false\"");
        assertThat(GangSources.lookup(GangSourcesTest.pod(Map.of(), ASKS), GangObjects.NONE).problem())
                .isEqualTo("stook.dev/gang-from-job is set but the pod's controller is not a batch/v1 Job");
        assertThat(GangSources.lookup(GangSourcesTest.jobPod(Map.of(), Map.of(JobDeclarations.GANG_FROM_JOB, "false")),
                GangObjects.NONE).reference()).isNull();
    }

    @Test
    void withoutJobsWatchedThePodsStillShareTheJobsGangBySettling() {
        Pod pod = GangSourcesTest.jobPod(Map.of(), ASKS);

        GangMembership gang = PodTranslator.translate(pod).gang();

        assertThat(gang.id().name()).isEqualTo("Job/etl");
        assertThat(gang.declaresMinimum()).isFalse();
    }

    private static GangMembership gangOf(Job job) {
        Pod pod = GangSourcesTest.jobPod(Map.of(), ASKS);
        return PodTranslator.translate(pod, GangSources.lookup(pod, objects(job))).gang();
    }

    private static GangObjects objects(Job job) {
        return new GangObjects() {
            @Override
            public String servedVersion(GangObjectKind kind) {
                return kind == GangObjectKind.JOB ? "v1" : null;
            }

            @Override
            public Optional<HasMetadata> gangObject(GangObjectKey key) {
                return key.kind() == GangObjectKind.JOB && key.name().equals("etl") ? Optional.of(job)
                        : Optional.empty();
            }
        };
    }

    private static Job job(Integer parallelism, Integer completions, Integer succeeded, String completionMode) {
        return new JobBuilder().withNewMetadata().withNamespace("ml").withName("etl").endMetadata().withNewSpec()
                .withParallelism(parallelism).withCompletions(completions).withCompletionMode(completionMode).endSpec()
                .withNewStatus().withSucceeded(succeeded).endStatus().build();
    }
}
