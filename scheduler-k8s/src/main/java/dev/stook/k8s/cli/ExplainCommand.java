package dev.stook.k8s.cli;

import dev.stook.core.model.PodId;
import dev.stook.k8s.config.ConfigException;
import dev.stook.k8s.explain.ApiServerRecord;
import dev.stook.k8s.explain.CallerToken;
import dev.stook.k8s.explain.ExplanationPrinter;
import dev.stook.k8s.explain.SchedulerEndpoint;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;

/**
 * {@code stook explain NAMESPACE/POD}: asks the running scheduler why the pod is pending; when it cannot be
 * asked, shows what the API server records instead (the pod's {@code PodScheduled} condition and Events).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain why a pod is pending, asking the scheduler's /explain endpoint with the bearer token"
                + " of the kubeconfig's user, who must be allowed to get the pod.",
                "If the scheduler cannot answer, fall back to the pod's PodScheduled condition and Events from the "
                        + "API server (--kubeconfig, else KUBECONFIG, ~/.kube/config or the in-cluster config)."})
final class ExplainCommand implements Callable<Integer> {
    static final int EXPLAINED = 0;
    static final int NOT_FOUND = 1;
    static final int UNAVAILABLE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAMESPACE/POD", description = "The pod to explain.")
    private String target;

    @Mixin
    private SchedulerConnection connection;

    @Override
    public Integer call() {
        PodId pod = podId();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI base;
        try {
            base = connection.base();
        } catch (ConfigException e) {
            err.println("stook explain: " + e.getMessage());
            return UNAVAILABLE;
        }
        Config config = null;
        String configProblem = null;
        try {
            config = connection.clientConfig();
        } catch (ConfigException e) {
            configProblem = e.getMessage();
        }
        String token = config == null ? null : CallerToken.of(config);
        SchedulerEndpoint endpoint;
        try {
            endpoint = connection.endpoint(base, config);
        } catch (IllegalArgumentException e) {
            err.println("stook explain: --certificate-authority: " + e.getMessage());
            return UNAVAILABLE;
        }
        SchedulerEndpoint.Answer answer = endpoint.explain(pod);
        if (answer instanceof SchedulerEndpoint.Explained explained) {
            out.print(ExplanationPrinter.print(explained.explanation()));
            out.flush();
            return EXPLAINED;
        }
        if (answer instanceof SchedulerEndpoint.NotFound notFound) {
            err.println("stook explain: " + notFound.message());
            return NOT_FOUND;
        }
        String why = ((SchedulerEndpoint.Unavailable) answer).message();
        if (token == null && config != null) {
            why += "; no bearer token was sent: the kubeconfig's user has none (Stook's port does not take client"
                    + " certificates; see README, Security model)";
        }
        return fallBack(pod, why, config, configProblem, out, err);
    }

    private int fallBack(PodId pod, String why, Config config, String configProblem, PrintWriter out,
                         PrintWriter err) {
        if (config == null) {
            err.println("stook explain: the scheduler cannot be asked: " + why + "; and " + configProblem);
            return UNAVAILABLE;
        }
        out.println("FALLBACK: the scheduler cannot be asked (" + why + ").");
        out.println("Showing what the API server at " + config.getMasterUrl() + " records instead; it is only as"
                + " recent as the scheduler's last report.");
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            String record = ApiServerRecord.print(client, pod.namespace(), pod.name());
            if (record == null) {
                out.flush();
                err.println("stook explain: pod " + pod + " does not exist");
                return NOT_FOUND;
            }
            out.print(record);
            out.flush();
            return EXPLAINED;
        } catch (KubernetesClientException e) {
            out.flush();
            err.println("stook explain: the API server could not be asked either: " + e.getMessage());
            return UNAVAILABLE;
        }
    }

    private PodId podId() {
        int slash = target.indexOf('/');
        if (slash <= 0 || slash == target.length() - 1 || target.indexOf('/', slash + 1) >= 0) {
            throw new ParameterException(spec.commandLine(), "expected NAMESPACE/POD, got \"" + target + "\"");
        }
        return new PodId(target.substring(0, slash), target.substring(slash + 1));
    }
}
