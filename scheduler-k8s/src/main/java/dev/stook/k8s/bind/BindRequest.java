package dev.stook.k8s.bind;

import dev.stook.core.model.Pod;

/** A binding to send: the pod as the decision saw it, the uid of that incarnation, and the chosen node. */
public record BindRequest(Pod pod, String uid, String nodeName) {}
