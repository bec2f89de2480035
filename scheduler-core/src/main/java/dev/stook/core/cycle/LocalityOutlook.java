package dev.stook.core.cycle;

/**
 * Where a pod's data is, among the nodes it could ever use: how many of them hold some of it, and the
 * largest share of its bytes any one of them holds (0 to 1).
 */
record LocalityOutlook(int holders, double bestShare) {
    static final LocalityOutlook NO_DATA = new LocalityOutlook(0, 0);
}
