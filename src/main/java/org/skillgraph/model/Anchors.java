package org.skillgraph.model;

import java.util.List;

/**
 * The O*NET anchors section of a page.
 *
 * @param declaredCount the count the page declares ("62 anchors"), or {@code null}
 * @param anchors the anchors of every kind, in source order
 * @param cipCodes CIP education codes ({@code 26.0401}), in source order
 */
public record Anchors(Integer declaredCount, List<Anchor> anchors, List<String> cipCodes) {
    public Anchors {
        anchors = List.copyOf(anchors);
        cipCodes = List.copyOf(cipCodes);
    }

    /** The anchors of one kind, in order. */
    public List<Anchor> of(AnchorKind kind) {
        return anchors.stream().filter(a -> a.kind() == kind).toList();
    }
}
