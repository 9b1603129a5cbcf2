package org.skillgraph.model;

/**
 * A cited or credited source, identified across documents by its {@link #key()}.
 *
 * @param key stable key derived from the title ({@code anthropic-economic-index})
 * @param label the short label a citation chip shows ({@code Jadhav & Danve, 2026}), or {@code null}
 * @param title the source's full title ({@code Skill Automation Feasibility Index})
 * @param detail what the chip's tooltip says after the title, verbatim, or {@code null}
 * @param identifier an identifier found in the detail ({@code arXiv:2604.06906}), or {@code null}
 * @param version a version or release found in the label or detail ({@code release_2026_03_24}), or {@code null}
 */
public record Source(String key, String label, String title, String detail, String identifier, String version) {
}
