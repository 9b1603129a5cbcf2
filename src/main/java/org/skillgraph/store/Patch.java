package org.skillgraph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.vocabulary.RDF;
import org.skillgraph.vocab.AS;

/**
 * What one write transaction changed: the document graphs deleted and added, and the change-feed entries
 * (Activity Streams {@code as:Create}, {@code as:Update}, {@code as:Delete} in the graph
 * {@code {base}graph/changes}) that describe it. {@link #commitTo} adds the entries inside the transaction;
 * after the commit {@link #write} appends the same changes as one RDF Patch file to the patch log, so that
 * a replica applying the log in order holds exactly the same quads.
 */
final class Patch {
    private record Entry(String graph, String type, String object, Instant time) {
    }

    private record Quads(String graph, Model model, boolean add) {
    }

    private final List<Quads> quads = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<org.apache.jena.sparql.core.Quad> entryQuads = new ArrayList<>();

    void deleted(String graph, Model old) {
        quads.add(new Quads(graph, org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(old), false));
    }

    void added(String graph, Model model) {
        quads.add(new Quads(graph, model, true));
    }

    void change(String graph, String type, Map<String, String> objects, Instant time) {
        objects.keySet().forEach(o -> entries.add(new Entry(graph, type, o, time)));
    }

    /** Adds the change-feed entries to the store; call inside the write transaction. */
    void commitTo(Dataset ds) {
        for (Entry e : entries) {
            String base = e.graph().substring(0, e.graph().indexOf("graph/"));
            String changesGraph = base + "graph/changes";
            Model changes = ds.getNamedModel(changesGraph);
            long next = changes.listObjectsOfProperty(RDF.value).toList().stream().filter(RDFNode::isLiteral)
                    .mapToLong(n -> n.asLiteral().getLong()).max().orElse(0) + 1;
            Resource entry = changes.createResource(base + "changes/" + next)
                    .addProperty(RDF.type, switch (e.type()) {
                        case "create" -> AS.Create;
                        case "update" -> AS.Update;
                        default -> AS.Delete;
                    })
                    .addProperty(AS.object, changes.createResource(e.object()))
                    .addProperty(AS.target, changes.createResource(e.graph()))
                    .addLiteral(AS.published, changes.createTypedLiteral(e.time().toString(), XSDDatatype.XSDdateTime))
                    .addLiteral(RDF.value, changes.createTypedLiteral(Long.toString(next), XSDDatatype.XSDinteger));
            Node g = NodeFactory.createURI(changesGraph);
            entry.listProperties().forEachRemaining(s -> entryQuads.add(org.apache.jena.sparql.core.Quad.create(g,
                    s.asTriple())));
        }
    }

    /** Appends this transaction to the patch log (nothing when it changed nothing). */
    void write(Path dir) {
        if (quads.isEmpty() && entries.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            String previous = lastId(dir);
            String id = "uuid:" + UUID.randomUUID();
            long number;
            try (Stream<Path> files = Files.list(dir)) {
                number = files.filter(p -> p.toString().endsWith(".rdfp")).count() + 1;
            }
            Path tmp = dir.resolve(String.format("%08d.rdfp.tmp", number));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                RDFChangesWriterText w = RDFPatchOps.textWriter(out);
                w.start();
                w.header("id", NodeFactory.createURI(id));
                if (previous != null) {
                    w.header("prev", NodeFactory.createURI(previous));
                }
                w.txnBegin();
                for (Quads q : quads) {
                    Node g = NodeFactory.createURI(q.graph());
                    q.model().getGraph().find().forEachRemaining(t -> {
                        if (q.add()) {
                            w.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                        } else {
                            w.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
                        }
                    });
                }
                entryQuads.forEach(q -> w.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
                w.txnCommit();
                w.finish();
            }
            Files.move(tmp, dir.resolve(String.format("%08d.rdfp", number)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the patch log in " + dir, e);
        }
    }

    private static String lastId(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path last = files.filter(p -> p.toString().endsWith(".rdfp")).max(Path::compareTo).orElse(null);
            if (last == null) {
                return null;
            }
            try (var in = Files.newInputStream(last)) {
                Node id = RDFPatchOps.readHeader(in).getId();
                return id == null ? null : id.getURI();
            }
        }
    }

}
