package dev.stook.sim;

/**
 * How compactly gangs were placed at the tightest topology level of the scenario's nodes (racks, say),
 * and how long they waited.
 *
 * @param levelKey        the level's node label key, or null when the nodes have no topology
 * @param gangsPlaced     gangs with members bound
 * @param fitOneDomain    of those, gangs whose minimum would fit in one empty domain of the level
 * @param fragmented      of those, gangs placed across more than one domain although one could have held them
 * @param domainsPerGang  domains a placed gang's members were bound in, on average
 * @param gangWaits       from a gang's arrival to its first bind
 */
public record GangPlacement(String levelKey, int gangsPlaced, int fitOneDomain, int fragmented,
                            double domainsPerGang, DurationStats gangWaits) {}
