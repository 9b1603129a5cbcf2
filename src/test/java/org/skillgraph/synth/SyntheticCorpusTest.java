package org.skillgraph.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.Importer;
import org.skillgraph.model.Flag;
import org.skillgraph.model.Framework;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.Statement;
import org.skillgraph.read.SourceReader;
import org.skillgraph.store.GraphStore;

/** The synthetic corpus: deterministic, varied, and read and imported like the seeds — no rejection, no flag. */
class SyntheticCorpusTest {
    static final long SEED = 42;
    /** Triples the seeds map to: the NSX page and the JSON export. */
    static final int SEED_PAGE_TRIPLES = 3012;
    static final int SEED_EXPORT_TRIPLES = 620;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void sameSeedSameBytesAndAPrefixIsTheSmallerCorpus() throws IOException {
        SyntheticCorpus.Written a = SyntheticCorpus.create(SEED).write(6, tmp.resolve("a"));
        SyntheticCorpus.Written b = SyntheticCorpus.create(SEED).write(6, tmp.resolve("b"));
        SyntheticCorpus.Written small = SyntheticCorpus.create(SEED).write(3, tmp.resolve("small"));
        SyntheticCorpus.Written other = SyntheticCorpus.create(SEED + 1).write(6, tmp.resolve("other"));
        assertEquals(6, a.files().size());
        for (int i = 0; i < 6; i++) {
            Path fa = a.files().get(i);
            Path fb = b.files().get(i);
            assertEquals(fa.getFileName(), fb.getFileName());
            assertArrayEquals(Files.readAllBytes(fa), Files.readAllBytes(fb), fa + " differs between two runs");
            if (i < 3) {
                assertArrayEquals(Files.readAllBytes(fa), Files.readAllBytes(small.files().get(i)),
                        "document " + i + " of 6 is not document " + i + " of 3");
            }
        }
        assertTrue(!Files.readString(other.files().get(0)).equals(Files.readString(a.files().get(0))),
                "another seed gives another corpus");
    }

    @Test
    void distinctOccupationsInEveryFormat() {
        SyntheticCorpus.Written w = SyntheticCorpus.create(SEED).write(6, tmp);
        assertEquals(3, w.exports());
        assertEquals(2, w.textPages());
        assertEquals(1, w.htmlPages());
        Set<String> socs = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Path f : w.files()) {
            SourceDocument doc = new SourceReader().read(f);
            assertTrue(socs.add(doc.occupation().soc()), "SOC code used twice: " + doc.occupation().soc());
            titles.add(doc.occupation().title());
            assertTrue(f.getFileName().toString().startsWith(doc.occupation().soc()));
        }
        assertEquals(6, titles.size());
    }

    /** What the generator meant is what the reader recovers from the glued text, for every statement. */
    @Test
    void readersRecoverEveryGeneratedValueWithoutAFlag() {
        int n = 24;
        SyntheticCorpus.Written w = SyntheticCorpus.create(SEED).write(n, tmp);
        OccupationGenerator generator = new OccupationGenerator(SEED);
        for (int i = 0; i < n; i++) {
            SyntheticOccupation o = generator.next();
            Path file = w.files().get(i);
            SourceDocument doc = new SourceReader().read(file);
            assertEquals(List.of(), flags(doc), file + " has flags");
            assertEquals(o.soc(), doc.occupation().soc());
            assertEquals(o.title(), doc.occupation().title());
            assertEquals(o.version(), doc.frameworks().get(0).version());
            List<String> expected = new ArrayList<>();
            o.levels().forEach(l -> l.forEach(s -> expected.add(s.topic() + " | " + s.description())));
            assertEquals(expected, doc.framework(FrameworkKind.OCCUPATIONAL).statements().stream()
                    .map(s -> s.topic() + " | " + s.description()).toList(), file + ": topics and descriptions");
            if (o.format() == SyntheticCorpus.Format.JSON_EXPORT) {
                continue;
            }
            assertEquals(o.aiLevels().stream().mapToInt(List::size).sum(),
                    doc.framework(FrameworkKind.AI_USAGE).statements().size());
            Framework durable = doc.framework(FrameworkKind.DURABLE_SKILLS);
            assertEquals(o.domains().stream().mapToInt(SyntheticOccupation.Domain::count).sum(),
                    durable.statements().size());
            for (Statement s : durable.statements()) {
                assertTrue(!s.citedSources().isEmpty(), file + ": a durable statement lost its chips: " + s.text());
            }
            assertEquals(o.anchorCount(), doc.anchors().anchors().size());
            assertEquals(o.cipCodes(), doc.anchors().cipCodes());
            assertEquals(o.relatedTitles(), doc.occupation().relatedTitles());
            // every cited source is recovered with its label and title (O*NET is keyed by its title)
            for (SyntheticOccupation.Citation c : o.cited()) {
                assertTrue(doc.sources().stream().anyMatch(s -> c.title().equals(s.title())
                        && c.label().equals(s.label())), file + ": source not recovered: " + c);
            }
        }
    }

    @Test
    void importsWithNoRejectionNoFlagAndSeedSizedGraphs() {
        SyntheticCorpus.Written w = SyntheticCorpus.create(SEED).write(6, tmp.resolve("corpus"));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ImportReport r = new Importer(store, "http://localhost:3030/", null, CLOCK).importPaths(w.files());
            assertEquals(0, r.rejected(), r.toString());
            assertEquals(0, r.warnings(), r.toString());
            assertEquals(6, r.count(GraphStore.Outcome.CREATED));
            for (ImportReport.Entry e : r.entries()) {
                boolean export = e.file().toString().endsWith(".json");
                int seed = export ? SEED_EXPORT_TRIPLES : SEED_PAGE_TRIPLES;
                assertTrue(e.triples() > seed * 0.75 && e.triples() < seed * 1.3,
                        e.file() + ": " + e.triples() + " triples, the seed's " + (export ? "export" : "page") + " has "
                                + seed);
            }
        }
    }

    private static List<String> flags(SourceDocument doc) {
        List<String> out = new ArrayList<>();
        doc.flags().forEach(f -> out.add(f.code() + ": " + f.message()));
        for (Framework f : doc.frameworks()) {
            for (Statement s : f.statements()) {
                for (Flag flag : s.flags()) {
                    out.add(flag.code() + " at " + flag.location() + ": " + flag.message());
                }
            }
        }
        return out;
    }
}
