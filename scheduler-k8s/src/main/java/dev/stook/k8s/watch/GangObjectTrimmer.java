package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;

import java.util.Set;

/**
 * Keeps of the objects that declare gangs what their declarations read: a PodGroup's or Workload's spec, and of a
 * Job its size (parallelism, completions, completion mode) and how many of its pods succeeded, without its pod
 * template, which is most of a Job.
 */
final class GangObjectTrimmer {
    private GangObjectTrimmer() {
    }

    static GenericKubernetesResource specOnly(GenericKubernetesResource object) {
        MetadataTrimmer.trim(object.getMetadata());
        object.getAdditionalProperties().keySet().retainAll(Set.of("spec"));
        return object;
    }

    static Job job(Job job) {
        JobSpec spec = job.getSpec();
        JobBuilder trimmed = new JobBuilder().withNewMetadata().withNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid())
                .withResourceVersion(job.getMetadata().getResourceVersion()).endMetadata();
        if (spec != null) {
            trimmed.withNewSpec().withParallelism(spec.getParallelism()).withCompletions(spec.getCompletions())
                    .withCompletionMode(spec.getCompletionMode()).endSpec();
        }
        if (job.getStatus() != null) {
            trimmed.withNewStatus().withSucceeded(job.getStatus().getSucceeded()).endStatus();
        }
        return trimmed.build();
    }
}
