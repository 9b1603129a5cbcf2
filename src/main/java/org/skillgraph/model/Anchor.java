package org.skillgraph.model;

/**
 * One O*NET anchor of an occupation.
 *
 * @param kind its kind
 * @param label its label as the page shows it
 * @param position its 1-based position in its list
 */
public record Anchor(AnchorKind kind, String label, int position) {
}
