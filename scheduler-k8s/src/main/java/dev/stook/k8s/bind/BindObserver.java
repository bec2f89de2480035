package dev.stook.k8s.bind;

/** Told of every binding request when it ends, on the binder thread that sent it. */
@FunctionalInterface
public interface BindObserver {
    void bindingFinished(BindResult result, long durationNanos);
}
