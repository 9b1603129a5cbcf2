package org.skillgraph.model;

import java.util.List;

/**
 * One framework of an occupation: its progression levels and its statements.
 *
 * @param kind which framework this is
 * @param version the framework version ({@code v.26.05})
 * @param description the framework's description ({@code ""} when the source gives an empty one), or {@code null}
 * @param contextCovered the "context covered" paragraph, or {@code null}
 * @param levels the progression levels in order, lowest first
 * @param domains durable-skill domains in order (empty for other kinds)
 * @param statements all statements, in source order
 */
public record Framework(FrameworkKind kind, String version, String description, String contextCovered,
                        List<Level> levels, List<Domain> domains, List<Statement> statements) {
    public Framework {
        levels = List.copyOf(levels);
        domains = List.copyOf(domains);
        statements = List.copyOf(statements);
    }
}
