package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.DataReads;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static dev.stook.core.Fixtures.gang;
import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.Fixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

class LocalitySchedulingTest {
    private static final long MIB = 1 << 20;
    private final ClusterState cluster = new ClusterState();
    private final AtomicLong now = new AtomicLong();

    private Scheduler scheduler(SchedulerSettings settings) {
        return new Scheduler(cluster, PluginProfile.standard(), settings, now::get);
    }

    private static List<Decision.Bind> binds(List<Decision> decisions) {
        return decisions.stream().filter(Decision.Bind.class::isInstance).map(Decision.Bind.class::cast).toList();
    }

    @Test
    void withDefaultWeightsANodeHoldingTheDataBeatsAnEmptierOne() {
        cluster.upsertNode(node("busy-holder", "8", "32Gi"));
        cluster.upsertNode(node("empty", "64", "256Gi"));
        cluster.podBound(pod("other", "6", "8Gi"), "busy-holder");
        cluster.reportCachedChunks("busy-holder", ChunkSet.parse("d:0-99"));
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS);
        scheduler.submit(reader("r", "d:0-99"));

        Decision.Bind bind = binds(scheduler.runCycle()).get(0);

        assertThat(bind.nodeName()).isEqualTo("busy-holder");
        assertThat(bind.locality().ratio()).isEqualTo(1.0);
        assertThat(bind.locality().localBytes()).isEqualTo(100 * MIB);
    }

    @Test
    void learnedLocalitySendsTheNextReaderWhereTheLastOneSucceeded() {
        cluster.upsertNode(node("a", "8", "32Gi"));
        cluster.upsertNode(node("b", "8", "32Gi"));
        Pod first = reader("first", "d:0-9");
        cluster.podBound(first, "b");
        cluster.podSucceeded(first, "b");
        cluster.removePod(first.id());
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS);
        scheduler.submit(reader("second", "d:0-9"));

        assertThat(binds(scheduler.runCycle())).extracting(Decision.Bind::nodeName).containsExactly("b");
    }

    @Test
    void aGangOfDisjointShardReadersSpreadsToTheShardsHolders() {
        int shards = 16;
        for (int i = 0; i < shards; i++) {
            cluster.upsertNode(node("n" + i, "64", "256Gi"));
            cluster.reportCachedChunks("n" + i, ChunkSet.parse("d:" + (100 * i) + "-" + (100 * i + 99)));
        }
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS);
        GangMembership gang = gang("train", shards);
        for (int i = shards - 1; i >= 0; i--) {
            scheduler.submit(reader("m" + i, "d:" + (100 * i) + "-" + (100 * i + 99)).inGang(gang));
        }

        List<Decision.Bind> binds = binds(scheduler.runCycle());

        assertThat(binds).hasSize(shards);
        for (Decision.Bind bind : binds) {
            assertThat(bind.nodeName()).isEqualTo("n" + bind.pod().id().name().substring(1));
            assertThat(bind.locality().ratio()).isEqualTo(1.0);
        }
    }

    @Test
    void theMostConstrainedMemberChoosesFirst() {
        cluster.upsertNode(node("x", "1", "4Gi"));
        cluster.upsertNode(node("y", "1", "4Gi"));
        cluster.reportCachedChunks("x", ChunkSet.parse("d:0-19"));
        cluster.reportCachedChunks("y", ChunkSet.parse("d:10-19"));
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS);
        GangMembership gang = gang("pair", 2);
        // "flexible" reads data both nodes hold and comes first; "picky" can be local only on x.
        scheduler.submit(reader("flexible", "d:10-19").inGang(gang));
        scheduler.submit(reader("picky", "d:0-9").inGang(gang));

        assertThat(binds(scheduler.runCycle())).extracting(b -> b.pod().id().name() + "->" + b.nodeName())
                .containsExactlyInAnyOrder("picky->x", "flexible->y");
    }

    @Test
    void delaySchedulingWaitsForTheHolderUntilTheWaitEnds() {
        cluster.upsertNode(node("holder", "1", "4Gi"));
        cluster.upsertNode(node("empty", "8", "32Gi"));
        cluster.reportCachedChunks("holder", ChunkSet.parse("d:0-99"));
        Pod blocker = pod("blocker", "1", "1Gi");
        cluster.podBound(blocker, "holder");
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS);
        now.set(1_000);
        scheduler.submit(reader("r", "d:0-99"));

        List<Decision> first = scheduler.runCycle();
        assertThat(binds(first)).isEmpty();
        assertThat(first).singleElement().satisfies(d -> {
            assertThat(((Decision.Wait) d).reason()).isEqualTo(Scheduler.LOCALITY_WAIT);
            assertThat(((Decision.Wait) d).message()).contains("waiting up to 3s", "reads 0% of its bytes locally");
        });
        assertThat(scheduler.nextTimedChangeMillis()).isEqualTo(4_000);

        now.set(3_999);
        assertThat(binds(scheduler.runCycle())).isEmpty();

        now.set(4_000);
        List<Decision.Bind> late = binds(scheduler.runCycle());
        assertThat(late).extracting(Decision.Bind::nodeName).containsExactly("empty");
        assertThat(late.get(0).locality().ratio()).isZero();
    }

    @Test
    void delaySchedulingTakesTheHolderWhenItFreesInTime() {
        cluster.upsertNode(node("holder", "1", "4Gi"));
        cluster.upsertNode(node("empty", "8", "32Gi"));
        cluster.reportCachedChunks("holder", ChunkSet.parse("d:0-99"));
        Pod blocker = pod("blocker", "1", "1Gi");
        cluster.podBound(blocker, "holder");
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS);
        scheduler.submit(reader("r", "d:0-99"));
        assertThat(binds(scheduler.runCycle())).isEmpty();

        now.set(2_000);
        cluster.removePod(blocker.id());

        assertThat(binds(scheduler.runCycle())).extracting(Decision.Bind::nodeName).containsExactly("holder");
    }

    @Test
    void noWaitWhenNoNodeHoldsTheDataOrWaitingIsOff() {
        cluster.upsertNode(node("holder", "1", "4Gi"));
        cluster.upsertNode(node("empty", "8", "32Gi"));
        cluster.reportCachedChunks("holder", ChunkSet.parse("d:0-99"));
        cluster.podBound(pod("blocker", "1", "1Gi"), "holder");
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS);
        scheduler.submit(reader("nobody-has-it", "other:0-99"));
        assertThat(binds(scheduler.runCycle())).extracting(Decision.Bind::nodeName).containsExactly("empty");

        Scheduler impatient = new Scheduler(new ClusterState(), PluginProfile.standard(),
                SchedulerSettings.DEFAULTS.withLocalityWait(0, 0.8), now::get);
        impatient.cluster().upsertNode(node("holder", "1", "4Gi"));
        impatient.cluster().upsertNode(node("empty", "8", "32Gi"));
        impatient.cluster().reportCachedChunks("holder", ChunkSet.parse("d:0-99"));
        impatient.cluster().podBound(pod("blocker", "1", "1Gi"), "holder");
        impatient.submit(reader("r", "d:0-99"));
        assertThat(binds(impatient.runCycle())).extracting(Decision.Bind::nodeName).containsExactly("empty");
    }

    @Test
    void aPodWithUnreadableLocalityIsScheduledWithoutItAndToldWhy() {
        cluster.upsertNode(node("small", "1", "1Gi"));
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS);
        scheduler.submit(pod("big", "4", "1Gi").withDataReads(DataReads.unreadable("chunk list item \"x\": bad")));

        assertThat(scheduler.runCycle()).singleElement()
                .satisfies(d -> assertThat(((Decision.Wait) d).message())
                        .endsWith("; scheduled without data locality: chunk list item \"x\": bad"));
    }

    @Test
    void scorerWeightZeroIsLocalityBlind() {
        cluster.upsertNode(node("busy-holder", "8", "32Gi"));
        cluster.upsertNode(node("empty", "64", "256Gi"));
        cluster.podBound(pod("other", "6", "8Gi"), "busy-holder");
        cluster.reportCachedChunks("busy-holder", ChunkSet.parse("d:0-99"));
        Scheduler blind = new Scheduler(cluster, PluginProfile.standard(Map.of("Locality", 0)),
                SchedulerSettings.DEFAULTS.withLocalityWait(0, 0.8), now::get);
        blind.submit(reader("r", "d:0-99"));

        assertThat(binds(blind.runCycle())).extracting(Decision.Bind::nodeName).containsExactly("empty");
    }
}
