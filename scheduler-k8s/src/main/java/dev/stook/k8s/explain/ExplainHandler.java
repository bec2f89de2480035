package dev.stook.k8s.explain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.stook.core.explain.PodExplanation;
import dev.stook.core.model.PodId;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET /explain/{namespace}/{pod}}: why the pod is pending, as JSON. The HTTP thread never touches the
 * scheduler: it hands the question to the scheduling thread and waits, bounded, for the answer. Only a few
 * questions wait at once, so that the health port's threads stay free for probes and scrapes.
 */
public final class ExplainHandler implements HttpHandler {
    public static final String PATH = "/explain/";
    private static final int MAX_WAITING = 2;

    private final Function<PodId, CompletableFuture<PodExplanation>> ask;
    private final QuestionGate gate;
    private final long timeoutMillis;

    /**
     * @param unavailable why the scheduler cannot answer now (not ready, not leading), or null when it can
     */
    public ExplainHandler(Function<PodId, CompletableFuture<PodExplanation>> ask, Supplier<String> unavailable,
                          long timeoutMillis) {
        this.ask = ask;
        this.gate = new QuestionGate(MAX_WAITING, unavailable, "explain");
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                JsonReply.send(exchange, 405, ExplanationJson.error("only GET is served here"));
                return;
            }
            String[] parts = exchange.getRequestURI().getPath().substring(PATH.length()).split("/", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                JsonReply.send(exchange, 400, ExplanationJson.error("expected " + PATH + "{namespace}/{pod}"));
                return;
            }
            gate.pass(exchange, () -> answer(exchange, new PodId(parts[0], parts[1])));
        }
    }

    private void answer(HttpExchange exchange, PodId pod) throws IOException {
        PodExplanation explanation;
        try {
            explanation = ask.apply(pod).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            JsonReply.send(exchange, 503, ExplanationJson.error(
                    "the scheduling thread did not answer within " + timeoutMillis + " ms"));
            return;
        } catch (ExecutionException e) {
            JsonReply.send(exchange, 503, ExplanationJson.error(e.getCause().getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JsonReply.send(exchange, 503, ExplanationJson.error("interrupted"));
            return;
        }
        if (explanation.status() == PodExplanation.Status.UNKNOWN) {
            JsonReply.send(exchange, 404, ExplanationJson.error("Stook has no pending or placed pod " + pod
                    + ": it does not exist, is not handed to this scheduler, or has finished"));
            return;
        }
        JsonReply.send(exchange, 200, ExplanationJson.write(explanation));
    }
}
