package org.skillgraph.model;

import java.util.List;

/**
 * Everything one source document says about one occupation.
 *
 * @param provenance where the document came from
 * @param occupation the occupation it describes
 * @param frameworks its frameworks (occupational, and for NSX pages also AI-usage and durable skills)
 * @param evidence the evidence pack, or {@code null} when the format has none
 * @param anchors the O*NET anchors, or {@code null} when the format has none
 * @param sources every source the document names: cited by chips, credited in a footer or export
 * @param flags values kept but not interpreted with confidence, not tied to one statement
 */
public record SourceDocument(Provenance provenance, Occupation occupation, List<Framework> frameworks,
                             EvidencePack evidence, Anchors anchors, List<Source> sources, List<Flag> flags) {
    public SourceDocument {
        frameworks = List.copyOf(frameworks);
        sources = List.copyOf(sources);
        flags = List.copyOf(flags);
    }

    /** The framework of the given kind, or {@code null}. */
    public Framework framework(FrameworkKind kind) {
        return frameworks.stream().filter(f -> f.kind() == kind).findFirst().orElse(null);
    }
}
