package dev.stook.k8s.cli;

import dev.stook.core.model.PodId;
import dev.stook.k8s.config.ConfigException;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.explain.ApiServerRecord;
import dev.stook.k8s.explain.CallerToken;
import dev.stook.k8s.explain.ExplanationPrinter;
import dev.stook.k8s.explain.SchedulerEndpoint;
import dev.stook.k8s.explain.SchedulerTrust;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final long FALLBACK_REQUEST_TIMEOUT_MILLIS = 10_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAMESPACE/POD", description = "The pod to explain.")
    private String target;

    @Option(names = "--scheduler", paramLabel = "URL",
            description = "The scheduler's health port URL"
                    + " (default: https://localhost:<healthPort of --config, else 10259>).")
    private URI scheduler;

    @Option(names = "--certificate-authority", paramLabel = "FILE",
            description = "PEM certificate(s) to verify the scheduler's serving certificate with (default: on"
                    + " localhost, as through kubectl port-forward, not verified; elsewhere the JDK's authorities).")
    private Path certificateAuthority;

    @Option(names = "--insecure-skip-tls-verify",
            description = "Do not verify the scheduler's serving certificate (it will see your token).")
    private boolean skipTlsVerify;

    @Option(names = "--config", paramLabel = "FILE", description = "Scheduler config YAML, for its health port.")
    private Path configFile;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig whose user's bearer token is sent to the scheduler, and for the API server fallback.")
    private Path kubeconfig;

    @Override
    public Integer call() {
        PodId pod = podId();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI base;
        try {
            base = scheduler != null ? scheduler : URI.create("https://localhost:" + healthPort());
        } catch (ConfigException e) {
            err.println("stook explain: " + e.getMessage());
            return UNAVAILABLE;
        }
        Config config = null;
        String configProblem = null;
        try {
            config = clientConfig();
        } catch (ConfigException e) {
            configProblem = e.getMessage();
        }
        String token = config == null ? null : CallerToken.of(config);
        SSLContext trust;
        try {
            trust = SchedulerTrust.of(base, certificateAuthority, skipTlsVerify);
        } catch (IllegalArgumentException e) {
            err.println("stook explain: --certificate-authority: " + e.getMessage());
            return UNAVAILABLE;
        }
        SchedulerEndpoint.Answer answer = new SchedulerEndpoint(base, token, trust).explain(pod);
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

    private int healthPort() {
        return (configFile == null ? SchedulerConfig.DEFAULTS : SchedulerConfigLoader.load(configFile)).healthPort();
    }

    private Config clientConfig() {
        Config config;
        if (kubeconfig != null) {
            try {
                config = Config.fromKubeconfig(Files.readString(kubeconfig));
            } catch (IOException e) {
                throw new ConfigException(kubeconfig + ": cannot read: " + e.getMessage());
            }
        } else if (kubeconfigOrInClusterAvailable()) {
            config = Config.autoConfigure(null);
        } else {
            throw new ConfigException(
                    "no kubeconfig or in-cluster config for the API server fallback; pass --kubeconfig");
        }
        config.setRequestTimeout((int) FALLBACK_REQUEST_TIMEOUT_MILLIS);
        return config;
    }

    private static boolean kubeconfigOrInClusterAvailable() {
        String kubeconfigEnv = System.getenv("KUBECONFIG");
        return kubeconfigEnv != null && !kubeconfigEnv.isBlank()
                || System.getenv("KUBERNETES_SERVICE_HOST") != null
                || Files.isReadable(Path.of(System.getProperty("user.home"), ".kube", "config"));
    }
}
