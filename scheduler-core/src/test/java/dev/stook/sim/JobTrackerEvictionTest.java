package dev.stook.sim;

import dev.stook.core.model.Pod;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobTrackerEvictionTest {
    private static final Scenario GANG = ScenarioLoader.parse("""
            name: gang
            nodeGroups: [{name: n, count: 1, allocatable: {cpu: "8", memory: 8Gi}}]
            workloads:
              - {name: g, jobs: 1, podsPerJob: 3, gangMinMembers: 2, arrival: {every: 1s},
                 requests: {cpu: "1"}, duration: 100s}
            """, "gang.yaml");

    @Test
    void aGangBelowItsMinimumStopsAndStartsOverWhenWholeAgain() {
        SimJob job = WorkloadGenerator.jobs(GANG).get(0);
        JobTracker tracker = new JobTracker(Map.of("n-0", GANG.nodeGroups().get(0).allocatable()));
        tracker.arrived(job);
        job.pods().forEach(pod -> tracker.bound(pod, "n-0", 0));
        tracker.cycleEnded(0);
        assertThat(tracker.nextFinishMillis()).isEqualTo(100_000);

        tracker.evicted(job.pods().get(0), 10_000);
        assertThat(tracker.nextFinishMillis()).as("two of three still run: the gang works on").isEqualTo(100_000);
        tracker.evicted(job.pods().get(1), 20_000);
        assertThat(tracker.nextFinishMillis()).as("below its minimum the gang stops").isEqualTo(Long.MAX_VALUE);
        assertThat(tracker.idlePodsHeld()).isTrue();

        Pod replacement = tracker.replacementFor(job.pods().get(0), 30_000);
        assertThat(replacement.id().name()).isEqualTo("g-0-r0");
        assertThat(replacement.gang()).isEqualTo(job.pods().get(0).gang());
        assertThat(replacement.createdAtMillis()).isEqualTo(30_000);
        tracker.bound(replacement, "n-0", 40_000);
        tracker.cycleEnded(40_000);
        assertThat(tracker.nextFinishMillis()).as("work starts over").isEqualTo(140_000);
        tracker.finishDueBy(140_000);
        assertThat(tracker.allFinished()).isFalse();

        Pod second = tracker.replacementFor(job.pods().get(1), 140_000);
        assertThat(second.id().name()).isEqualTo("g-0-r1");
        tracker.bound(second, "n-0", 141_000);
        tracker.cycleEnded(141_000);
        tracker.finishDueBy(241_000);
        assertThat(tracker.allFinished()).isTrue();
        assertThat(tracker.completionTimes().maxMillis()).isEqualTo(241_000);
    }
}
