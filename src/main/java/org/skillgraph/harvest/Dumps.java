package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Whole-store dumps, written by streaming every quad (never built in memory) into gzip files in a folder,
 * with a manifest ({@code dumps.json}) giving each file's size, quad count and SHA-256. Files are written
 * under a temporary name and moved into place, so a reader never sees half a dump.
 */
public final class Dumps {
    /** The manifest's file name. */
    public static final String MANIFEST = "dumps.json";

    /** One dump file. */
    public record Dump(String name, String mediaType, long bytes, long quads, String sha256, String modified) {
    }

    private record Kind(String name, String mediaType, RDFFormat format) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("skillgraph.nq.gz", "application/n-quads", RDFFormat.NQUADS),
            new Kind("skillgraph.trig.gz", "application/trig", RDFFormat.TRIG_BLOCKS));

    private Dumps() {
    }

    /** Writes every dump of {@code dsg} into {@code dir}; call inside a read transaction. */
    public static List<Dump> write(DatasetGraph dsg, Path dir, Instant modified) throws IOException {
        Files.createDirectories(dir);
        List<Dump> dumps = new ArrayList<>();
        for (Kind k : KINDS) {
            Path tmp = dir.resolve(k.name() + ".tmp");
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long[] quads = {0};
            try (OutputStream file = Files.newOutputStream(tmp);
                 DigestOutputStream digest = new DigestOutputStream(file, sha);
                 GZIPOutputStream gz = new GZIPOutputStream(digest, 1 << 16)) {
                StreamRDF writer = StreamRDFWriter.getWriterStream(gz, k.format());
                StreamRDF counting = new StreamRDFWrapper(writer) {
                    @Override
                    public void quad(Quad q) {
                        quads[0]++;
                        super.quad(q);
                    }

                    @Override
                    public void triple(Triple t) {
                        quads[0]++;
                        super.triple(t);
                    }
                };
                counting.start();
                StreamRDFOps.sendDatasetToStream(dsg, counting);
                counting.finish();
            }
            Path target = dir.resolve(k.name());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dumps.add(new Dump(k.name(), k.mediaType(), Files.size(target), quads[0],
                    HexFormat.of().formatHex(sha.digest()), modified.toString()));
        }
        writeManifest(dir, dumps);
        return dumps;
    }

    /** Regenerates the dumps of a store in its dumps folder. */
    public static List<Dump> regenerate(org.skillgraph.store.GraphStore store) throws IOException {
        Instant modified = store.lastModified();
        try {
            return store.read(ds -> {
                try {
                    return write(ds.asDatasetGraph(), store.dumpsDirectory(), modified);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The dumps listed in {@code dir}'s manifest, or an empty list when there is none. */
    public static List<Dump> read(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        try {
            List<Dump> out = new ArrayList<>();
            for (JsonNode d : CtdlJson.JSON.readTree(manifest.toFile()).path("dumps")) {
                out.add(new Dump(d.get("name").asText(), d.get("mediaType").asText(), d.get("bytes").asLong(),
                        d.get("quads").asLong(), d.get("sha256").asText(), d.get("modified").asText()));
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void writeManifest(Path dir, List<Dump> dumps) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("dumps");
        for (Dump d : dumps) {
            list.addObject().put("name", d.name()).put("mediaType", d.mediaType()).put("bytes", d.bytes())
                    .put("quads", d.quads()).put("sha256", d.sha256()).put("modified", d.modified());
        }
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        CtdlJson.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
