package org.skillgraph.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skillgraph.model.Flag;
import org.skillgraph.model.Statement;

/**
 * A statement repeated word for word within one level (and domain) of a framework: both are kept, as the source
 * gives them, and the later one is flagged ({@code statement-repeated}) naming where the first is, rather than the
 * repeat passing for a statement of its own unremarked.
 */
final class Repeats {
    private Repeats() {
    }

    static List<Statement> flagged(List<Statement> statements) {
        Map<List<String>, Statement> first = new HashMap<>();
        List<Statement> out = new ArrayList<>(statements.size());
        for (Statement s : statements) {
            List<String> key = java.util.Arrays.asList(s.levelKey(), s.domainKey(), s.text().strip());
            Statement earlier = first.putIfAbsent(key, s);
            if (earlier == null) {
                out.add(s);
                continue;
            }
            List<Flag> flags = new ArrayList<>(s.flags());
            flags.add(new Flag("statement-repeated", "the same statement as " + earlier.location() + " (number "
                    + earlier.position() + " of its level); both kept, as the source gives them", s.location()));
            out.add(new Statement(s.levelKey(), s.domainKey(), s.position(), s.text(), s.topic(), s.description(),
                    s.citedSources(), flags, s.location()));
        }
        return out;
    }
}
