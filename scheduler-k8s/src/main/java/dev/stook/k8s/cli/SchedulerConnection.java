package dev.stook.k8s.cli;

import dev.stook.k8s.config.ConfigException;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.explain.CallerToken;
import dev.stook.k8s.explain.SchedulerEndpoint;
import dev.stook.k8s.explain.SchedulerTrust;
import io.fabric8.kubernetes.client.Config;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the commands that ask a running scheduler ({@code explain}, {@code queues}, {@code gangs}) reach it: its
 * secure port, whom to trust to be it, and the kubeconfig whose user's bearer token is sent, so that the
 * scheduler answers with what that user may see.
 */
final class SchedulerConnection {
    private static final long REQUEST_TIMEOUT_MILLIS = 10_000;

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
            description = "Kubeconfig whose user's bearer token is sent to the scheduler (explain also asks its API"
                    + " server when the scheduler cannot answer).")
    private Path kubeconfig;

    /** @throws ConfigException when --config cannot be read */
    URI base() {
        return scheduler != null ? scheduler : URI.create("https://localhost:" + (configFile == null
                ? SchedulerConfig.DEFAULTS : SchedulerConfigLoader.load(configFile)).healthPort());
    }

    /**
     * @param config the kubeconfig's settings, or null to send no token
     * @throws IllegalArgumentException when --certificate-authority cannot be used
     */
    SchedulerEndpoint endpoint(URI base, Config config) {
        return new SchedulerEndpoint(base, config == null ? null : CallerToken.of(config),
                SchedulerTrust.of(base, certificateAuthority, skipTlsVerify));
    }

    /** The kubeconfig's client settings; @throws ConfigException when there is none to read */
    Config clientConfig() {
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
            throw new ConfigException("no kubeconfig or in-cluster config to take a bearer token from; pass --kubeconfig");
        }
        config.setRequestTimeout((int) REQUEST_TIMEOUT_MILLIS);
        return config;
    }

    private static boolean kubeconfigOrInClusterAvailable() {
        String kubeconfigEnv = System.getenv("KUBECONFIG");
        return kubeconfigEnv != null && !kubeconfigEnv.isBlank()
                || System.getenv("KUBERNETES_SERVICE_HOST") != null
                || Files.isReadable(Path.of(System.getProperty("user.home"), ".kube", "config"));
    }
}
