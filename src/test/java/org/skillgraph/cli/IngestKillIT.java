package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.map.DocumentMapper;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.read.SourceReader;
import org.skillgraph.synth.SyntheticCorpus;
import org.skillgraph.vocab.SG;

/**
 * An import killed with SIGKILL in the middle of a batch: the store opens afterwards and every document is
 * either fully in its new version, fully in its old one, or (if it is new) absent. The real jar ingests a
 * synthetic corpus over an older version of it and is killed ({@link Process#destroyForcibly()}) after its
 * first batch was committed, while it works on the next.
 */
class IngestKillIT {
    static final String BASE = "http://localhost:3030/";
    /** Documents in the store before; the new version has these and more. */
    static final int OLD = 60;
    static final int NEW = 100;

    @TempDir
    Path tmp;

    @Test
    void killedMidBatchEveryDocumentIsWholeInItsNewOrOldVersionOrAbsent() throws Exception {
        Path oldDir = tmp.resolve("old");
        Path newDir = tmp.resolve("new");
        SyntheticCorpus.create(7).write(OLD, oldDir);
        List<Path> newFiles = SyntheticCorpus.create(7).write(NEW, newDir).files();
        for (Path f : newFiles) {
            // new bytes (a new digest, so an update), the same content
            Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + "\n", StandardCharsets.UTF_8);
        }
        // every access to the store is by the jar, in its own process: TDB2 allows one process per store
        Path store = tmp.resolve("store");
        Result first = run("ingest", "--store", store.toString(), oldDir.toString());
        assertEquals(0, first.code(), first.out());
        assertTrue(first.out().contains(OLD + " created"), first.out());

        List<String> output = new ArrayList<>();
        // a commit every 20,000 triples: several batches in this corpus of about 190,000
        Process p = jar("ingest", "--store", store.toString(), "--commit-every", "20000", newDir.toString())
                .redirectErrorStream(true).start();
        CountDownLatch firstBatch = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains(": updated <")) {
                        firstBatch.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!firstBatch.await(200, TimeUnit.MILLISECONDS)) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "no batch was committed: " + output);
        }
        Thread.sleep(300 + (System.nanoTime() % 700)); // somewhere in the next batch
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        reader.join(10_000);
        synchronized (output) {
            assertFalse(output.stream().anyMatch(l -> l.startsWith("ingested ")),
                    "the import finished before it was killed; make the corpus larger: " + output);
        }

        // what the store holds now: each document graph's digest and size, read by the jar
        Result q = run("query", "--store", store.toString(), "--format", "tsv", "--query", "PREFIX sg: <" + SG.NS + "> "
                + "SELECT ?g ?sha (COUNT(*) AS ?n) { GRAPH ?g { ?g sg:sha256 ?sha . ?s ?p ?o } } GROUP BY ?g ?sha");
        assertEquals(0, q.code(), q.out());
        java.util.Map<String, String[]> stored = new java.util.HashMap<>();
        for (String line : q.out().lines().skip(1).toList()) {
            String[] c = line.split("\t");
            stored.put(c[0].replaceAll("^<|>$", ""), new String[] {c[1].replaceAll("^\"|\"$", ""),
                    c[2].replaceAll("^\"?(\\d+).*$", "$1")});
        }
        int updated = 0;
        int old = 0;
        int absent = 0;
        SourceReader sources = new SourceReader();
        DocumentMapper mapper = new DocumentMapper(BASE);
        for (int k = 0; k < NEW; k++) {
            Path newFile = newFiles.get(k);
            MappedDocument fresh = mapper.map(sources.read(newFile), Instant.now());
            String graph = fresh.graphName();
            String[] s = stored.remove(graph);
            if (s == null) {
                assertTrue(k >= OLD, graph + " was in the store before and is gone");
                absent++;
                continue;
            }
            String newSha = sha256(newFile);
            String oldSha = k < OLD ? sha256(oldDir.resolve(newFile.getFileName())) : null;
            assertTrue(s[0].equals(newSha) || s[0].equals(oldSha), graph + " holds neither the old nor the new version");
            // both versions have the same content: a whole graph has exactly the triples of a fresh mapping
            assertEquals(fresh.model().size(), Long.parseLong(s[1]), graph + " is not whole");
            if (s[0].equals(newSha)) {
                updated++;
            } else {
                old++;
            }
        }
        assertEquals(java.util.Map.of(), stored, "no other document graph appeared");
        System.out.printf("killed mid-batch: %d document(s) in the new version, %d in the old, %d not yet stored%n",
                updated, old, absent);
        assertTrue(updated > 0, "the first batch was committed");
        assertTrue(old + absent > 0, "the import was cut short");

        // the store is consistent for the gate too, and a second import completes the job
        Result validate = run("validate", "--store", store.toString());
        assertEquals(0, validate.code(), validate.out());
        assertTrue(validate.out().contains((NEW - absent) + " document(s): " + (NEW - absent) + " would be accepted"),
                validate.out());
        Result again = run("ingest", "--store", store.toString(), newDir.toString());
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains(updated + " unchanged"), again.out());

        // the patch log holds every change that was committed, and only those: a replica applying it in order
        // holds exactly the quads of the store's dump, and no patch was left half made
        org.apache.jena.query.Dataset replica = org.apache.jena.query.DatasetFactory.createTxnMem();
        List<Path> patches;
        try (var files = Files.list(store.resolve("patches"))) {
            patches = files.sorted().toList();
        }
        for (Path patch : patches) {
            assertTrue(patch.getFileName().toString().matches("\\d{8}\\.rdfp"), "not a patch of the log: " + patch);
            org.apache.jena.rdfpatch.RDFPatchOps.applyChange(replica.asDatasetGraph(),
                    org.apache.jena.rdfpatch.RDFPatchOps.fileToPatch(patch.toString()));
        }
        org.apache.jena.sparql.core.DatasetGraph dump = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        org.apache.jena.riot.RDFDataMgr.read(dump, store.resolve("dumps").resolve("skillgraph.nq.gz").toString());
        java.util.Set<org.apache.jena.sparql.core.Quad> fromDump = new java.util.HashSet<>();
        dump.find().forEachRemaining(fromDump::add);
        java.util.Set<org.apache.jena.sparql.core.Quad> fromLog = new java.util.HashSet<>();
        org.apache.jena.system.Txn.executeRead(replica, () -> replica.asDatasetGraph().find().forEachRemaining(fromLog::add));
        assertEquals(fromDump.size(), fromLog.size(), "quads in the dump and rebuilt from " + patches.size() + " patches");
        assertEquals(fromDump, fromLog, "the patch log does not rebuild the store");
    }

    record Result(int code, String out) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        Process p = jar(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + List.of(args));
        return new Result(p.exitValue(), out);
    }

    private static ProcessBuilder jar(String... args) {
        String jar = System.getProperty("skillgraph.jar", "target/skillgraph.jar");
        assertTrue(Files.isRegularFile(Path.of(jar)), "the jar was not built: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    private static String sha256(Path f) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
