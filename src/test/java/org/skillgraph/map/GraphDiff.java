package org.skillgraph.map;

import java.io.StringWriter;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.IsoMatcher;

/** Graph comparison for tests: isomorphism, and a readable diff of the triples when it fails. */
public final class GraphDiff {
    private GraphDiff() {
    }

    /** {@code null} when the graphs are isomorphic, else the triples only in one or the other. */
    public static String diff(Graph expected, Graph actual, PrefixMapping prefixes) {
        if (IsoMatcher.isomorphic(expected, actual)) {
            return null;
        }
        Set<String> e = lines(expected, prefixes);
        Set<String> a = lines(actual, prefixes);
        StringWriter w = new StringWriter();
        w.append("graphs differ (expected ").append(Integer.toString(expected.size())).append(" triples, got ")
                .append(Integer.toString(actual.size())).append(")\n");
        e.stream().filter(t -> !a.contains(t)).limit(60).forEach(t -> w.append("  - ").append(t).append('\n'));
        a.stream().filter(t -> !e.contains(t)).limit(60).forEach(t -> w.append("  + ").append(t).append('\n'));
        return w.toString();
    }

    private static Set<String> lines(Graph g, PrefixMapping pm) {
        Set<String> out = new TreeSet<>();
        g.find().forEachRemaining((Triple t) -> out.add(NodeFmtLib.str(t.getSubject(), null)
                .replace(pm.getNsPrefixURI("id") == null ? "\u0000" : pm.getNsPrefixURI("id"), "id:")
                + " " + pm.shortForm(t.getPredicate().getURI()) + " " + NodeFmtLib.str(t.getObject(), null)));
        return out;
    }
}
