package dev.stook.k8s.cli;

import dev.stook.core.overview.Overview;
import dev.stook.k8s.config.ConfigException;
import dev.stook.k8s.explain.SchedulerEndpoint;
import io.fabric8.kubernetes.client.Config;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;

/**
 * Fetches the running scheduler's overview for {@code stook queues} and {@code stook gangs}, as the user of the
 * kubeconfig; says on stderr why not when it cannot.
 */
final class OverviewFetch {
    private OverviewFetch() {}

    static Optional<Overview> fetch(SchedulerConnection connection, String queue, String command, PrintWriter err) {
        SchedulerEndpoint.Answer answer;
        Config config;
        try {
            URI base = connection.base();
            config = connection.clientConfig();
            answer = connection.endpoint(base, config).overview(queue);
        } catch (ConfigException e) {
            err.println("stook " + command + ": " + e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            err.println("stook " + command + ": --certificate-authority: " + e.getMessage());
            return Optional.empty();
        }
        if (answer instanceof SchedulerEndpoint.Overviewed overviewed) {
            return Optional.of(overviewed.overview());
        }
        String why = answer instanceof SchedulerEndpoint.Unavailable unavailable ? unavailable.message()
                : ((SchedulerEndpoint.NotFound) answer).message();
        err.println("stook " + command + ": the scheduler cannot be asked: " + why);
        return Optional.empty();
    }
}
