package dev.stook.core.explain;

/**
 * How far a gang is: members that exist (pending or placed), that hold places, the minimum it needs
 * before any is bound, and how many pending members found a place in its last attempt (-1 before any).
 */
public record GangProgress(String gang, int created, int placed, int minimum, int placeableLastAttempt) {}
