package dev.stook.k8s.cli;

import dev.stook.k8s.config.ConfigException;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.logging.LogFormat;
import dev.stook.k8s.logging.LogLevels;
import dev.stook.k8s.logging.LogSettings;
import dev.stook.k8s.logging.Logging;
import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.preflight.KubeconfigLocator;
import dev.stook.k8s.preflight.Preflight;
import dev.stook.k8s.preflight.SetupProblem;
import dev.stook.k8s.startup.StartupLog;
import dev.stook.k8s.startup.StartupThread;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * {@code stook run}: checks that the cluster is ready for it ({@link Preflight}), then schedules the
 * cluster's pods until stopped or until it loses the lease.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the scheduler against a Kubernetes cluster (in-cluster config without --kubeconfig).")
final class RunCommand implements Callable<Integer> {
    static final int CONFIG_ERROR = 1;
    /** The cluster is not ready for Stook: unreachable, missing permissions, a namespace or ConfigMap amiss. */
    static final int SETUP_ERROR = 5;
    static final Path IN_CLUSTER_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    @Spec
    private CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file (default: in a cluster its ServiceAccount, else $KUBECONFIG or "
                    + "~/.kube/config).")
    private Path kubeconfig;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Scheduler config YAML (default: built-in defaults, see config/scheduler.yaml).")
    private Path configFile;

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text (one readable line per event) or json (one JSON object per line); overrides logFormat.")
    private String logFormat;

    @Option(names = "--log-level", paramLabel = "LEVELS",
            description = "A level for every logger, then package=level pairs: info,dev.stook=debug,io.fabric8=warn; "
                    + "overrides logLevel.")
    private String logLevel;

    @Override
    public Integer call() throws IOException {
        SchedulerConfig config;
        Config clientConfig;
        try {
            config = withLogOptions(configFile == null ? SchedulerConfig.DEFAULTS
                    : SchedulerConfigLoader.load(configFile));
            clientConfig = KubeconfigLocator.locate(kubeconfig, System.getenv(),
                    Path.of(System.getProperty("user.home")));
        } catch (ConfigException | SetupProblem e) {
            return fail(CONFIG_ERROR, e.getMessage());
        }
        clientConfig.setRequestTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeoutMillis()));
        if (config.namespace() == null) {
            config = config.withNamespace(Files.isReadable(IN_CLUSTER_NAMESPACE)
                    ? Files.readString(IN_CLUSTER_NAMESPACE).strip() : SchedulerConfig.DEFAULT_NAMESPACE);
        }
        Logging.configure(config.logging());
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(clientConfig).build()) {
            CompletableFuture<Void> checks = startChecks(client, config);
            SchedulerConfig settings = config;
            CompletableFuture<SchedulerProcess> started = CompletableFuture.supplyAsync(
                    () -> startProcess(client, settings, checks), StartupThread.named("stook-start"));
            SchedulerProcess process;
            try {
                checks.join();
                process = started.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof SetupProblem problem) {
                    return fail(SETUP_ERROR, problem.getMessage());
                }
                if (e.getCause() instanceof IllegalArgumentException badCertificate) {
                    return fail(CONFIG_ERROR, badCertificate.getMessage());
                }
                throw e;
            }
            int code = process.exit().join();
            process.close();
            return code;
        }
    }

    /**
     * Builds and starts the process while the checks run: it watches meanwhile and acts only once they have
     * passed. A stop asked for while it starts closes it, releasing the lease if it was taken.
     */
    private static SchedulerProcess startProcess(KubernetesClient client, SchedulerConfig config,
                                                 CompletableFuture<Void> checks) {
        SchedulerProcess process = new SchedulerProcess(client, config, identity(), checks);
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "stook-shutdown"));
        try {
            process.start();
            return process;
        } catch (IOException e) {
            process.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** The checks run while the process starts watching; it acts only once they have passed. */
    private static CompletableFuture<Void> startChecks(KubernetesClient client, SchedulerConfig config) {
        long began = StartupLog.uptimeMillis();
        return CompletableFuture.runAsync(() -> {
            Preflight.check(client, config.namespace(), config.queueConfigMap(),
                    !config.defaultSpread().constraints().isEmpty());
            StartupLog.reached("checks passed (began at " + began + " ms)");
        }, StartupThread.named("stook-start-up-checks"));
    }

    private SchedulerConfig withLogOptions(SchedulerConfig config) {
        LogSettings logging = config.logging();
        return config.withLogging(new LogSettings(
                logFormat == null ? logging.format() : option("--log-format", logFormat, LogFormat::parse),
                logLevel == null ? logging.levels() : option("--log-level", logLevel, LogLevels::parse)));
    }

    private static <T> T option(String name, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("stook run: " + message);
        return code;
    }

    private static String identity() {
        String host = System.getenv("POD_NAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "stook";
            }
        }
        return host + "_" + UUID.randomUUID();
    }
}
