package org.skillgraph.model;

import java.util.List;

/**
 * The evidence pack of an NSX page: groups of metrics (AEI usage, SAFI positioning, WEF cluster).
 *
 * @param metrics every metric, in source order
 */
public record EvidencePack(List<Metric> metrics) {
    public EvidencePack {
        metrics = List.copyOf(metrics);
    }
}
