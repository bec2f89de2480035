package dev.stook.k8s.ui;

import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.overview.RecentActivity;
import dev.stook.k8s.auth.NamespaceVisibility;
import dev.stook.k8s.health.HealthServer;
import dev.stook.k8s.version.BuildInfo;
import dev.stook.sim.PacedRun;
import dev.stook.sim.QueueSetup;
import dev.stook.sim.ReportFormatter;
import dev.stook.sim.Scenario;
import dev.stook.sim.Simulator;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code stook simulate --serve}: the web page and its data for a simulation, on the loopback interface with no
 * authentication (there is no cluster to ask). The run is slowed to watching speed by a {@link PacedRun}; when
 * it ends, its report is printed and its final state is served until the process is killed.
 */
public final class SimulationServer {
    /** The longest a single step of virtual time is shown, so that a quiet hour does not freeze the page. */
    static final long MAX_PAUSE_MILLIS = 5_000;
    private static final long ANSWER_TIMEOUT_MILLIS = 10_000;

    private SimulationServer() {}

    /** @param speed virtual seconds per wall-clock second */
    public static void run(Scenario scenario, SchedulerSettings settings, int port, double speed, PrintWriter out)
            throws IOException, InterruptedException {
        PacedRun paced = new PacedRun(speed, MAX_PAUSE_MILLIS);
        RecentActivity activity = new RecentActivity();
        try (HealthServer server = HealthServer.loopback(port, () -> true, BuildInfo.current().fields())) {
            server.serve(PageHandler.PATH, new PageHandler());
            server.serve(OverviewHandler.PATH, new OverviewHandler(paced, activity, NamespaceVisibility.ALL,
                    () -> null, ANSWER_TIMEOUT_MILLIS));
            server.start();
            out.println("serving the simulation on http://localhost:" + server.port() + PageHandler.PATH
                    + " (data: " + OverviewHandler.PATH + ")");
            out.flush();
            out.print(ReportFormatter.format(Simulator.run(scenario, settings, QueueSetup.SCENARIO,
                    SchedulingObserver.all(activity, paced))));
            out.println("run finished; serving its final state until killed");
            out.flush();
            paced.answerUntilInterrupted();
        }
    }
}
