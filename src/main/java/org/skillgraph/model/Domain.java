package org.skillgraph.model;

/**
 * A durable-skill domain.
 *
 * @param number its number on the page (1–10)
 * @param key stable lowercase key ({@code growth-mindset})
 * @param name its name ({@code Growth Mindset})
 * @param declaredStatements the count its header declares ("12 statements"), or {@code null}
 */
public record Domain(int number, String key, String name, Integer declaredStatements) {
}
