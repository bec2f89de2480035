package dev.stook.k8s.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerQuestions;
import dev.stook.core.overview.Overview;
import dev.stook.core.overview.OverviewBuilder;
import dev.stook.core.overview.OverviewQuery;
import dev.stook.core.overview.RecentActivity;
import dev.stook.k8s.auth.NamespaceVisibility;
import dev.stook.k8s.auth.ReviewUnavailable;
import dev.stook.k8s.explain.ExplanationJson;
import dev.stook.k8s.explain.JsonReply;
import dev.stook.k8s.explain.QuestionGate;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/overview[?queue=Q][&namespace=N][&limit=L]}: the queue tree, the pending units and the
 * recent activity, as JSON, with only the pods of namespaces the caller may see. The scheduling thread is asked
 * twice: which namespaces have pending units (the caller's access to those is then checked here, off that
 * thread), and then for the overview of the visible ones. Only a few requests wait at once.
 */
public final class OverviewHandler implements HttpHandler {
    public static final String PATH = "/api/v1/overview";
    static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 2000;
    private static final int MAX_WAITING = 2;

    private final SchedulerQuestions scheduler;
    private final RecentActivity activity;
    private final NamespaceVisibility visibility;
    private final QuestionGate gate;
    private final long timeoutMillis;

    /**
     * @param activity    read on the scheduling thread only
     * @param unavailable why the scheduler cannot answer now (not ready, not leading), or null when it can
     */
    public OverviewHandler(SchedulerQuestions scheduler, RecentActivity activity, NamespaceVisibility visibility,
                           Supplier<String> unavailable, long timeoutMillis) {
        this.scheduler = scheduler;
        this.activity = activity;
        this.visibility = visibility;
        this.gate = new QuestionGate(MAX_WAITING, unavailable, "overview");
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                JsonReply.send(exchange, 405, ExplanationJson.error("only GET is served here"));
                return;
            }
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                JsonReply.send(exchange, 404, ExplanationJson.error("no such path; the overview is at " + PATH));
                return;
            }
            Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
            int limit;
            try {
                limit = Math.min(MAX_LIMIT, Integer.parseInt(parameters.getOrDefault("limit",
                        Integer.toString(DEFAULT_LIMIT))));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 0) {
                JsonReply.send(exchange, 400,
                        ExplanationJson.error("limit must be a whole number from 0 to " + MAX_LIMIT));
                return;
            }
            int chosenLimit = limit;
            gate.pass(exchange, () -> answer(exchange, parameters.get("queue"), parameters.get("namespace"),
                    chosenLimit));
        }
    }

    private void answer(HttpExchange exchange, String queue, String namespace, int limit) throws IOException {
        try {
            Set<String> visible = visibility.visible(exchange, askScheduler(Scheduler::pendingNamespaces));
            OverviewQuery query = new OverviewQuery(visible::contains, queue, namespace, limit);
            Overview overview = askScheduler(engine -> OverviewBuilder.build(engine, activity, query));
            JsonReply.send(exchange, 200, OverviewJson.write(overview));
        } catch (ReviewUnavailable e) {
            JsonReply.send(exchange, 503, ExplanationJson.error("cannot check which namespaces you may see now: the API"
                    + " server did not answer; try again"));
        } catch (Unanswered e) {
            JsonReply.send(exchange, 503, ExplanationJson.error(e.getMessage()));
        }
    }

    private <T> T askScheduler(Function<Scheduler, T> question) {
        CompletableFuture<T> answer = scheduler.ask(question);
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unanswered("the scheduling thread did not answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            throw new Unanswered(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted");
        }
    }

    private static final class Unanswered extends RuntimeException {
        Unanswered(String message) {
            super(message);
        }
    }

    /** The query's parameters; an empty value counts as absent. */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (!value.isEmpty()) {
                parameters.put(key, value);
            }
        }
        return parameters;
    }
}
