package dev.stook.sim;

import dev.stook.core.model.Pod;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueConfigParser;

/** Which queues the engine runs with: the scenario's, or one FIFO queue as a baseline. */
public enum QueueSetup {
    SCENARIO {
        @Override
        QueueConfig config(Scenario scenario) {
            return scenario.queues();
        }

        @Override
        Pod submitted(Pod pod) {
            return pod;
        }
    },
    /** Every pod in one {@code fifo} queue that may use the whole cluster: first come, first served. */
    FIFO_BASELINE {
        @Override
        QueueConfig config(Scenario scenario) {
            return SINGLE_FIFO;
        }

        @Override
        Pod submitted(Pod pod) {
            return pod.inQueue(QueueConfig.DEFAULT_QUEUE);
        }
    };

    private static final QueueConfig SINGLE_FIFO = QueueConfigParser.parse("""
            queues:
              - name: default
                policy: fifo
            placement:
              - {queue: default}
            """);

    abstract QueueConfig config(Scenario scenario);

    /** The pod as handed to the engine. */
    abstract Pod submitted(Pod pod);
}
