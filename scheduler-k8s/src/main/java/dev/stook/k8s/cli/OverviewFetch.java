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
 * kubeconfig, or with no token when there is no kubeconfig (enough for {@code stook simulate --serve}); says on
 * stderr why not when it cannot.
 */
final class OverviewFetch {
    private OverviewFetch() {}

    static Optional<Overview> fetch(SchedulerConnection connection, String queue, String command, PrintWriter err) {
        URI base;
        try {
            base = connection.base();
        } catch (ConfigException e) {
            err.println("stook " + command + ": " + e.getMessage());
            return Optional.empty();
        }
        Config config = null;
        String noToken = null;
        try {
            config = connection.clientConfig();
        } catch (ConfigException e) {
            noToken = e.getMessage();
        }
        SchedulerEndpoint.Answer answer;
        try {
            answer = connection.endpoint(base, config).overview(queue);
        } catch (IllegalArgumentException e) {
            err.println("stook " + command + ": --certificate-authority: " + e.getMessage());
            return Optional.empty();
        }
        if (answer instanceof SchedulerEndpoint.Overviewed overviewed) {
            return Optional.of(overviewed.overview());
        }
        String why = answer instanceof SchedulerEndpoint.Unavailable unavailable ? unavailable.message()
                : ((SchedulerEndpoint.NotFound) answer).message();
        err.println("stook " + command + ": the scheduler cannot be asked: " + why
                + (noToken == null ? "" : "; no bearer token was sent: " + noToken));
        return Optional.empty();
    }
}
