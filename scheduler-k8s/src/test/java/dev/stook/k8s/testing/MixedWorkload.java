package dev.stook.k8s.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A seeded mix of lone pods (250m–1500m cpu) and gangs of 2–64 members (500m each, minimum the gang's
 * size or at least half of it), each unit in one of the given queues, created in shuffled order.
 */
public final class MixedWorkload {
    private final List<Pod> pods;
    private final int gangs;
    private final int gangMembers;

    private MixedWorkload(List<Pod> pods, int gangs, int gangMembers) {
        this.pods = pods;
        this.gangs = gangs;
        this.gangMembers = gangMembers;
    }

    public static MixedWorkload generate(long seed, int atLeastPods, String prefix, List<String> queues) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Pod> pods = new ArrayList<>();
        int gangs = 0;
        int gangMembers = 0;
        while (pods.size() < atLeastPods) {
            String queue = queues.get(random.nextInt(queues.size()));
            if (random.nextDouble() < 0.05) {
                int size = random.nextInt(2, 65);
                int minimum = random.nextDouble() < 0.7 ? size : random.nextInt((size + 1) / 2, size + 1);
                String gang = prefix + "g" + gangs++;
                for (int member = 0; member < size; member++) {
                    pods.add(inQueue(TestCluster.pod(gang + "-" + member, "500m"), queue, Map.of(
                            "stook.dev/gang", gang, "stook.dev/gang-min-members", String.valueOf(minimum))));
                }
                gangMembers += size;
            } else {
                int millicores = 250 * random.nextInt(1, 7);
                pods.add(inQueue(TestCluster.pod(prefix + "p" + pods.size(), millicores + "m"), queue, Map.of()));
            }
        }
        Collections.shuffle(pods, new Random(random.nextLong()));
        return new MixedWorkload(List.copyOf(pods), gangs, gangMembers);
    }

    private static Pod inQueue(PodBuilder pod, String queue, Map<String, String> annotations) {
        return pod.editMetadata().addToAnnotations("stook.dev/queue", queue).addToAnnotations(annotations).endMetadata()
                .build();
    }

    public List<Pod> pods() {
        return pods;
    }

    public int gangs() {
        return gangs;
    }

    public int gangMembers() {
        return gangMembers;
    }

    public int lonePods() {
        return pods.size() - gangMembers;
    }

    /** Total cpu requested, in cores. */
    public double cpu() {
        return pods.stream().mapToDouble(pod -> pod.getSpec().getContainers().get(0).getResources().getRequests()
                .get("cpu").getNumericalAmount().doubleValue()).sum();
    }

    /** A create retried by the client after a slow answer may find its first try succeeded. */
    private static void create(TestCluster cluster, Pod pod) {
        try {
            cluster.client().pods().inNamespace(TestCluster.NAMESPACE).resource(pod).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    /** Creates the pods in the cluster from a few threads, returning when all exist. */
    public void createIn(TestCluster cluster, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (Pod pod : pods) {
                created.add(pool.submit(() -> create(cluster, pod)));
            }
            for (Future<?> future : created) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("creating the workload failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
