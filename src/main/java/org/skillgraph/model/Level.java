package org.skillgraph.model;

/**
 * A proficiency level of a framework's progression model.
 *
 * @param key stable lowercase key ({@code emerging})
 * @param label the level's label ({@code Emerging})
 * @param roleLabel the role label ({@code Entry / Apprentice}), or {@code null}
 * @param rank 1 for the lowest level, then 2, 3…
 */
public record Level(String key, String label, String roleLabel, int rank) {
}
