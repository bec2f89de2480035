package dev.stook.k8s.explain;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets a question for the scheduling thread through only while the scheduler can answer (ready, leading) and
 * only a few at once, so that the health port's threads stay free for probes and scrapes; otherwise the
 * caller gets 503 saying why.
 */
public final class QuestionGate {
    private final Semaphore waiting;
    private final Supplier<String> unavailable;
    private final String questions;

    /**
     * @param unavailable why the scheduler cannot answer now, or null when it can
     * @param questions   what the questions are called in the refusal, such as {@code explain}
     */
    public QuestionGate(int atOnce, Supplier<String> unavailable, String questions) {
        this.waiting = new Semaphore(atOnce);
        this.unavailable = unavailable;
        this.questions = questions;
    }

    /** Writes the answer when the gate lets the question through; otherwise sends 503. */
    public void pass(HttpExchange exchange, Answer answer) throws IOException {
        String why = unavailable.get();
        if (why != null) {
            JsonReply.send(exchange, 503, ExplanationJson.error(why));
            return;
        }
        if (!waiting.tryAcquire()) {
            JsonReply.send(exchange, 503, ExplanationJson.error("too many " + questions
                    + " requests at once; try again"));
            return;
        }
        try {
            answer.write();
        } finally {
            waiting.release();
        }
    }

    /** Writes one answer to the exchange. */
    @FunctionalInterface
    public interface Answer {
        void write() throws IOException;
    }
}
