package dev.stook.k8s.testing;

import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The proxy in front of a real API server: requests and watches pass, and faults are injected as asked. */
class FaultProxyTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Long enough for a change to reach a watch that is not silenced. */
    private static final Duration UNSEEN = Duration.ofSeconds(1);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();
    private FaultProxy proxy;
    private KubernetesClient admin;
    private KubernetesClient client;

    @BeforeEach
    void startProxy() {
        ControlPlane plane = cluster.controlPlane();
        admin = cluster.client();
        proxy = new FaultProxy(plane.apiServer());
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
                .withMasterUrl(proxy.url().toString()).withOauthToken(plane.adminToken()).withUserAgent("proxy-test")
                .withRequestRetryBackoffLimit(0).withRequestTimeout(5_000).build()).build();
    }

    @AfterEach
    void stopProxy() {
        if (client != null) {
            client.close();
            proxy.close();
        }
    }

    @Test
    void aClientCreatesReadsUpdatesListsAndDeletesThroughTheProxy() {
        var configMaps = client.configMaps().inNamespace(NAMESPACE);
        configMaps.resource(configMap("crud", "1")).create();
        assertThat(configMaps.withName("crud").get().getData()).containsEntry("value", "1");

        configMaps.withName("crud").edit(cm -> new ConfigMapBuilder(cm).addToData("value", "2").build());
        assertThat(admin.configMaps().inNamespace(NAMESPACE).withName("crud").get().getData()).containsEntry("value", "2");
        assertThat(configMaps.list().getItems()).extracting(cm -> cm.getMetadata().getName()).contains("crud");

        ConfigMap replaced = configMaps.withName("crud").get();
        replaced.getData().put("value", "3");
        configMaps.resource(replaced).update();
        assertThat(admin.configMaps().inNamespace(NAMESPACE).withName("crud").get().getData()).containsEntry("value", "3");

        configMaps.withName("crud").delete();
        await().atMost(PATIENCE).until(() -> configMaps.withName("crud").get() == null);
    }

    @Test
    void anInformerKeepsSeeingChangesAfterItsWatchIsDroppedOrExpired() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        SharedIndexInformer<ConfigMap> informer = informOfAdds(seen);
        try {
            admin.configMaps().inNamespace(NAMESPACE).resource(informed("before")).create();
            await().atMost(PATIENCE).until(() -> seen.contains("before") && proxy.openWatches() == 1);

            proxy.dropWatches();
            admin.configMaps().inNamespace(NAMESPACE).resource(informed("after-drop")).create();
            await().atMost(PATIENCE).until(() -> seen.contains("after-drop") && proxy.openWatches() == 1);

            proxy.expireWatches();
            admin.configMaps().inNamespace(NAMESPACE).resource(informed("after-expiry")).create();
            await().atMost(PATIENCE).until(() -> seen.contains("after-expiry") && proxy.openWatches() == 1);
            assertThat(proxy.watchesDropped()).isEqualTo(2);
        } finally {
            informer.close();
        }
    }

    @Test
    void aSilencedWatchDeliversNothingUntilItIsDroppedOrExpired() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        SharedIndexInformer<ConfigMap> informer = informOfAdds(seen);
        try {
            admin.configMaps().inNamespace(NAMESPACE).resource(informed("before")).create();
            await().atMost(PATIENCE).until(() -> seen.contains("before") && proxy.openWatches() == 1);

            proxy.silenceWatches();
            admin.configMaps().inNamespace(NAMESPACE).resource(informed("unseen-until-dropped")).create();
            await().during(UNSEEN).atMost(UNSEEN.multipliedBy(2)).until(() -> !seen.contains("unseen-until-dropped"));
            proxy.dropWatches();
            // watching again from the last version it saw, the informer is sent what it missed
            await().atMost(PATIENCE).until(() -> seen.contains("unseen-until-dropped") && proxy.openWatches() == 1);

            proxy.silenceWatches();
            admin.configMaps().inNamespace(NAMESPACE).resource(informed("unseen-until-expired")).create();
            await().during(UNSEEN).atMost(UNSEEN.multipliedBy(2)).until(() -> !seen.contains("unseen-until-expired"));
            proxy.expireWatches();
            await().atMost(PATIENCE).until(() -> seen.contains("unseen-until-expired") && proxy.openWatches() == 1);

            admin.configMaps().inNamespace(NAMESPACE).resource(informed("after-silence")).create();
            await().atMost(PATIENCE).until(() -> seen.contains("after-silence"));
        } finally {
            informer.close();
        }
    }

    @Test
    void aStreamedHttpWatchIsPassedOnAndCanBeDropped() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (KubernetesClient httpWatching = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                .withOnlyHttpWatches(true).build()).build()) {
            Watch watch = httpWatching.configMaps().inNamespace(NAMESPACE).watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, ConfigMap resource) {
                    seen.add(resource.getMetadata().getName());
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            });
            await().atMost(PATIENCE).until(() -> proxy.openWatches() == 1);
            admin.configMaps().inNamespace(NAMESPACE).resource(configMap("streamed", "1")).create();
            await().atMost(PATIENCE).until(() -> seen.contains("streamed"));

            proxy.dropWatches();
            admin.configMaps().inNamespace(NAMESPACE).resource(configMap("after-drop", "1")).create();
            await().atMost(PATIENCE).until(() -> seen.contains("after-drop"));
            watch.close();
        }
    }

    @Test
    void anExpiredWatchEndsWithGoneSoItsWatcherMustRelist() {
        String resourceVersion = client.configMaps().inNamespace(NAMESPACE).list().getMetadata().getResourceVersion();
        AtomicReference<WatcherException> closedBy = new AtomicReference<>();
        Watch watch = client.configMaps().inNamespace(NAMESPACE).watch(
                new ListOptionsBuilder().withResourceVersion(resourceVersion).build(), new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        closedBy.set(cause);
                    }
                });
        try {
            await().atMost(PATIENCE).until(() -> proxy.openWatches() == 1);
            proxy.expireWatches();
            await().atMost(PATIENCE).until(() -> closedBy.get() != null);
            assertThat(closedBy.get().isHttpGone()).isTrue();
        } finally {
            watch.close();
        }
    }

    @Test
    void closingEndsOpenWatchesAndLeavesNoThreadBehind() {
        Watch watch = client.configMaps().inNamespace(NAMESPACE).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
        try {
            await().atMost(PATIENCE).until(() -> proxy.openWatches() == 1);
            proxy.close();
            assertThat(proxy.openWatches()).isZero();
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().startsWith(proxy.threadPrefix()) && t.isAlive());
        } finally {
            watch.close();
        }
    }

    @Test
    void failedBindingsAreAnswered500AndNotSentOn() {
        createPod("fails-twice");
        proxy.failNextBindings(2);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> bind("fails-twice", "n1")).isInstanceOfSatisfying(KubernetesClientException.class,
                    e -> assertThat(e.getCode()).isEqualTo(500));
            assertThat(nodeOf("fails-twice")).isNull();
        }
        bind("fails-twice", "n1");

        assertThat(nodeOf("fails-twice")).isEqualTo("n1");
        assertThat(proxy.bindingRequests()).isEqualTo(3);
        assertThat(proxy.acceptedBindings(NAMESPACE, "fails-twice")).isOne();
        assertThat(proxy.bindingLog()).singleElement().satisfies(b -> {
            assertThat(b.pod()).isEqualTo(NAMESPACE + "/fails-twice");
            assertThat(b.client()).isEqualTo("proxy-test");
        });
    }

    @Test
    void aLostBindingAnswerIsCarriedOutButAnswered409() {
        createPod("lost-answer");
        proxy.loseNextBindingAnswers(1);

        assertThatThrownBy(() -> bind("lost-answer", "n1")).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(nodeOf("lost-answer")).isEqualTo("n1");
        assertThatThrownBy(() -> bind("lost-answer", "n2")).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getCode()).isEqualTo(409));

        assertThat(nodeOf("lost-answer")).isEqualTo("n1");
        assertThat(proxy.bindingRequests()).isEqualTo(2);
        assertThat(proxy.acceptedBindings()).containsOnlyKeys(NAMESPACE + "/lost-answer");
        assertThat(proxy.acceptedBindings(NAMESPACE, "lost-answer")).isOne();
    }

    @Test
    void plannedConflictsAreNotSentOnAndPlannedTimeoutsAreCarriedOutButAnsweredLate() {
        createPod("conflict");
        createPod("timeout");
        proxy.injectFaults(new FaultPlan(1, Map.of(FaultPlan.Target.BINDING, new FaultPlan.Rates(0, 0, 1, 0, 0)), 0));
        assertThatThrownBy(() -> bind("conflict", "n1")).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(nodeOf("conflict")).isNull();

        proxy.injectFaults(new FaultPlan(1, Map.of(FaultPlan.Target.BINDING, new FaultPlan.Rates(0, 1, 0, 0, 0)), 1_500));
        try (KubernetesClient impatient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                .withRequestTimeout(300).build()).build()) {
            assertThatThrownBy(() -> bind(impatient, "timeout", "n1")).isInstanceOf(KubernetesClientException.class);
        }
        assertThat(nodeOf("timeout")).isEqualTo("n1");
        assertThat(proxy.faults().injected(FaultPlan.Target.BINDING, FaultPlan.Fault.TIMEOUT)).isOne();
        assertThat(proxy.acceptedBindings(NAMESPACE, "timeout")).isOne();
        assertThat(proxy.acceptedBindings(NAMESPACE, "conflict")).isZero();
    }

    @Test
    void aPodEvictionIsRecordedWithThePodAsItWasAndTheOptionsSent() {
        String uid = createPod("evicted").getMetadata().getUid();

        evict("evicted", new DeleteOptionsBuilder().withGracePeriodSeconds(5L).build());

        await().atMost(PATIENCE).until(() -> admin.pods().inNamespace(NAMESPACE).withName("evicted").get() == null);
        assertThat(proxy.evictionRequests(NAMESPACE, "evicted")).isOne();
        assertThat(proxy.evictions()).containsOnlyKeys(NAMESPACE + "/evicted");
        FaultyApi.Evicted eviction = proxy.evictions().get(NAMESPACE + "/evicted");
        assertThat(eviction.pod().getMetadata().getUid()).isEqualTo(uid);
        assertThat(eviction.options().getGracePeriodSeconds()).isEqualTo(5L);
    }

    @Test
    void anEvictionTheApiServerRefusesIsCountedButNotRecorded() {
        assertThatThrownBy(() -> evict("missing", new DeleteOptions())).isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        assertThat(proxy.evictionRequests(NAMESPACE, "missing")).isOne();
        assertThat(proxy.evictions()).isEmpty();
    }

    @Test
    void failedEvictionsEvictNothingAndRacedOnesEvictButAnswer404() {
        createPod("fails");
        createPod("races");
        proxy.failNextEvictions(1);
        proxy.raceNextEvictions(1);

        assertThatThrownBy(() -> evict("fails", new DeleteOptions())).isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
        assertThat(admin.pods().inNamespace(NAMESPACE).withName("fails").get()).isNotNull();
        assertThatThrownBy(() -> evict("races", new DeleteOptions())).isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        await().atMost(PATIENCE).until(() -> admin.pods().inNamespace(NAMESPACE).withName("races").get() == null);

        assertThat(proxy.evictionRequests(NAMESPACE, "fails")).isOne();
        assertThat(proxy.evictionRequests(NAMESPACE, "races")).isOne();
        assertThat(proxy.evictions()).containsOnlyKeys(NAMESPACE + "/races");
    }

    private SharedIndexInformer<ConfigMap> informOfAdds(Set<String> seen) {
        return client.configMaps().inNamespace(NAMESPACE).withLabel("test", "informer").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap cm) {
                seen.add(cm.getMetadata().getName());
            }

            @Override
            public void onUpdate(ConfigMap old, ConfigMap cm) {
            }

            @Override
            public void onDelete(ConfigMap cm, boolean unknownFinalState) {
            }
        });
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("value", value).build();
    }

    private static ConfigMap informed(String name) {
        return new ConfigMapBuilder(configMap(name, "1")).editMetadata().addToLabels("test", "informer").endMetadata().build();
    }

    private Pod createPod(String name) {
        return admin.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withSchedulerName("nobody")
                .addNewContainer().withName("main").withImage("busybox").endContainer().endSpec().build()).create();
    }

    private String nodeOf(String pod) {
        return admin.pods().inNamespace(NAMESPACE).withName(pod).get().getSpec().getNodeName();
    }

    /** As Stook's evictor sends it to a v1.20 API server. */
    private void evict(String pod, DeleteOptions options) {
        client.raw(client.getMasterUrl().toString().replaceAll("/+$", "") + "/api/v1/namespaces/" + NAMESPACE
                + "/pods/" + pod + "/eviction", "POST", Map.of("apiVersion", "policy/v1beta1", "kind", "Eviction",
                "metadata", Map.of("namespace", NAMESPACE, "name", pod), "deleteOptions", options));
    }

    private void bind(String pod, String node) {
        bind(client, pod, node);
    }

    /** As Stook's binder sends it. */
    private static void bind(KubernetesClient through, String pod, String node) {
        Binding binding = new BindingBuilder().withNewMetadata().withNamespace(NAMESPACE).withName(pod).endMetadata()
                .withNewTarget().withApiVersion("v1").withKind("Node").withName(node).endTarget().build();
        through.raw(through.getMasterUrl().toString().replaceAll("/+$", "") + "/api/v1/namespaces/" + NAMESPACE
                + "/pods/" + pod + "/binding", "POST", binding);
    }
}
