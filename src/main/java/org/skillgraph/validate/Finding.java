package org.skillgraph.validate;

import java.util.Locale;

/**
 * One result of validating a document: what is wrong (or doubtful) and where.
 *
 * @param severity how bad: a violation refuses the document
 * @param focus the URI of the resource in question (or its blank-node label)
 * @param label the resource's label in the document, or {@code null}
 * @param path the property path, with prefixes ({@code ceasn:competencyText}, {@code ^asn:hasProgressionLevel}),
 *             or {@code null}
 * @param message what the shape says
 * @param value the offending value, or {@code null}
 * @param shape the shape that found it (an IRI of {@code shapes/*.ttl})
 */
public record Finding(Severity severity, String focus, String label, String path, String message, String value,
                      String shape) {
    /** SHACL's three severities. */
    public enum Severity {
        VIOLATION, WARNING, INFO;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code violation: 'Emerging' <http://…/level/emerging> ^asn:hasProgressionLevel: every level … (value: …)} */
    public String describe() {
        StringBuilder b = new StringBuilder().append(severity).append(": ");
        if (label != null) {
            b.append('\'').append(label).append("' ");
        }
        b.append('<').append(focus).append('>');
        if (path != null) {
            b.append(' ').append(path);
        }
        b.append(": ").append(message);
        if (value != null && !message.contains(value)) {
            b.append(" (value: ").append(value).append(')');
        }
        return b.toString();
    }
}
