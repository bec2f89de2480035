package dev.stook.k8s.cli;

import dev.stook.k8s.config.ConfigException;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.loop.SchedulerProcess;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code stook run}: schedules the cluster's pods until stopped or until it loses the lease. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the scheduler against a Kubernetes cluster (in-cluster config without --kubeconfig).")
final class RunCommand implements Callable<Integer> {
    static final int CONFIG_ERROR = 1;
    static final Path IN_CLUSTER_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    @Spec
    private CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: in-cluster config).")
    private Path kubeconfig;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Scheduler config YAML (default: built-in defaults, see config/scheduler.yaml).")
    private Path configFile;

    @Override
    public Integer call() throws IOException {
        SchedulerConfig config;
        Config clientConfig;
        try {
            config = configFile == null ? SchedulerConfig.DEFAULTS : SchedulerConfigLoader.load(configFile);
            clientConfig = clientConfig(config);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("stook run: " + e.getMessage());
            return CONFIG_ERROR;
        }
        if (config.namespace() == null) {
            config = config.withNamespace(Files.isReadable(IN_CLUSTER_NAMESPACE)
                    ? Files.readString(IN_CLUSTER_NAMESPACE).strip() : SchedulerConfig.DEFAULT_NAMESPACE);
        }
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(clientConfig).build()) {
            SchedulerProcess process = new SchedulerProcess(client, config, identity());
            Thread hook = new Thread(process::close, "stook-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            process.start();
            int code = process.exit().join();
            process.close();
            return code;
        }
    }

    private Config clientConfig(SchedulerConfig config) {
        Config clientConfig;
        if (kubeconfig == null) {
            clientConfig = Config.autoConfigure(null);
        } else {
            try {
                clientConfig = Config.fromKubeconfig(Files.readString(kubeconfig));
            } catch (IOException e) {
                throw new ConfigException(kubeconfig + ": cannot read: " + e.getMessage());
            }
        }
        clientConfig.setRequestTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeoutMillis()));
        return clientConfig;
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
