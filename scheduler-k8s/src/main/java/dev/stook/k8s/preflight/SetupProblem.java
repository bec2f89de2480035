package dev.stook.k8s.preflight;

/** Something in the set-up keeps {@code stook run} from starting; the message is one line saying what to do. */
public final class SetupProblem extends RuntimeException {
    public SetupProblem(String message) {
        super(message);
    }
}
