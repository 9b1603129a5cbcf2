package org.skillgraph.model;

import java.util.List;

/**
 * One statement of a framework.
 *
 * @param levelKey key of its level
 * @param domainKey key of its durable-skill domain, or {@code null}
 * @param position its 1-based position within its level (and domain)
 * @param text the statement as the source gives it, citation chips removed
 * @param topic the topic ({@code Biological sample preparation}); the whole text when the split failed
 * @param description the description ({@code perform basic processing steps…}); {@code null} when the split failed
 * @param citedSources keys of the {@link Source}s its chips cite, in order
 * @param flags doubts about this statement (an unsure split, an unresolved chip)
 * @param location where in the file it was read (line or JSON pointer)
 */
public record Statement(String levelKey, String domainKey, int position, String text, String topic,
                        String description, List<String> citedSources, List<Flag> flags, String location) {
    public Statement {
        citedSources = List.copyOf(citedSources);
        flags = List.copyOf(flags);
    }
}
