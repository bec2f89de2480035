package dev.stook.core.explain;

/**
 * How far a gang is: members that exist (pending or placed), that hold places, the minimum it needs
 * before any is bound, how many pending members found a place in its last attempt (-1 before any), and
 * where the gang was declared (the source that won when several name it: {@code Volcano PodGroup train}).
 */
public record GangProgress(String gang, int created, int placed, int minimum, int placeableLastAttempt,
                           String source) {}
