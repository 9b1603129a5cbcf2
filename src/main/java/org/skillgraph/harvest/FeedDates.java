package org.skillgraph.harvest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.skillgraph.vocab.AS;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CETERMS;

/**
 * When the change feed last said something about what a CTID names: the newest {@code as:published} of the entries
 * whose {@code as:object} is a stored node with that CTID (each version of a framework, an occupation) or, for a
 * progression model, a framework of that model. A harvest document's modification date is the later of its own
 * document's import time and this: after the newest version of a framework is removed, the feed updates the version
 * served in its place at the removal's time, and that version's import time is older than what harvesters hold.
 * A few index look-ups (the CTID's nodes, each one's entries, each entry's time), not a read of the feed. Call
 * inside a read transaction.
 */
final class FeedDates {
    private FeedDates() {
    }

    /** The time of the newest change-feed entry about {@code ctid}'s resource, if any. */
    static Optional<Instant> latest(DatasetGraph dsg, String ctid) {
        Set<Node> about = new HashSet<>();
        dsg.find(Node.ANY, Node.ANY, CETERMS.ctid.asNode(), NodeFactory.createLiteralString(ctid)).forEachRemaining(q -> {
            Node s = q.getSubject();
            if (!s.isURI()) {
                return;
            }
            about.add(s);
            if (dsg.contains(q.getGraph(), s, RDF.type.asNode(), ASN.ProgressionModel.asNode())) {
                // a model has no entries of its own: its frameworks' are about it
                dsg.find(Node.ANY, Node.ANY, ASN.hasProgressionModel.asNode(), s)
                        .forEachRemaining(f -> about.add(f.getSubject()));
            }
        });
        Instant latest = null;
        for (Node object : about) {
            Iterator<Quad> entries = dsg.find(Node.ANY, Node.ANY, AS.object.asNode(), object);
            while (entries.hasNext()) {
                Quad e = entries.next();
                if (!e.getGraph().isURI() || !e.getGraph().getURI().endsWith("graph/changes")) {
                    continue;
                }
                Iterator<Quad> published = dsg.find(e.getGraph(), e.getSubject(), AS.published.asNode(), Node.ANY);
                while (published.hasNext()) {
                    Instant t = instant(published.next().getObject());
                    if (t != null && (latest == null || t.isAfter(latest))) {
                        latest = t;
                    }
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The later of a document's own time and the feed's newest entry about {@code ctid}. */
    static Instant notBeforeFeed(DatasetGraph dsg, String ctid, Instant own) {
        return latest(dsg, ctid).filter(t -> own == null || t.isAfter(own)).orElse(own);
    }

    static Instant instant(Node literal) {
        if (!literal.isLiteral()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(literal.getLiteralLexicalForm()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
