package org.skillgraph.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus of synthetic source documents at real scale, for tests and benchmarks.
 * <pre>{@code
 * SyntheticCorpus.Written w = SyntheticCorpus.create(42).write(1000, Path.of("/tmp/corpus"));
 * w.files().size();   // 1000: 500 JSON exports, 375 text pages, 125 HTML pages
 * }</pre>
 * Documents mirror the seeds' structure, size and variety: half are JSON exports, half NSX pages in the
 * text rendering (one page in four as HTML instead); every occupation has its own SOC code, title, topics,
 * verbs, cited sources and counts per section, and a page maps to about as many triples as the seed page.
 * The output is a function of the seed alone (same bytes every time), and the first {@code n} documents
 * of a larger corpus are the corpus of {@code n}.
 */
public final class SyntheticCorpus {
    /** A document's format and the extension its file gets. */
    public enum Format {
        JSON_EXPORT(".json"), NSX_TEXT(".txt"), NSX_HTML(".html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** What {@link #write} wrote. */
    public record Written(List<Path> files, int exports, int textPages, int htmlPages, long bytes) {
        public Written {
            files = List.copyOf(files);
        }
    }

    private final long seed;

    private SyntheticCorpus(long seed) {
        this.seed = seed;
    }

    public static SyntheticCorpus create(long seed) {
        return new SyntheticCorpus(seed);
    }

    /** Even documents are exports, odd ones pages; every fourth page (index 3, 11, 19, …) is HTML. */
    static Format formatOf(int index) {
        if (index % 2 == 0) {
            return Format.JSON_EXPORT;
        }
        return index % 8 == 3 ? Format.NSX_HTML : Format.NSX_TEXT;
    }

    /**
     * Writes {@code occupations} documents into {@code dir} (created if needed), one file per occupation
     * named by its SOC code; files of the same name are replaced, others are left alone.
     */
    public Written write(int occupations, Path dir) {
        if (occupations < 0) {
            throw new IllegalArgumentException("the number of occupations must not be negative");
        }
        try {
            Files.createDirectories(dir);
            OccupationGenerator generator = new OccupationGenerator(seed);
            List<Path> files = new ArrayList<>();
            int[] counts = new int[Format.values().length];
            long bytes = 0;
            for (int i = 0; i < occupations; i++) {
                SyntheticOccupation o = generator.next();
                String text = switch (o.format()) {
                    case JSON_EXPORT -> new ExportWriter().write(o);
                    case NSX_TEXT -> new PageTextWriter().write(o);
                    case NSX_HTML -> new PageHtmlWriter().write(o);
                };
                byte[] content = text.getBytes(StandardCharsets.UTF_8);
                Path file = dir.resolve(o.fileName());
                Files.write(file, content);
                files.add(file);
                counts[o.format().ordinal()]++;
                bytes += content.length;
            }
            return new Written(files, counts[0], counts[1], counts[2], bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the corpus: " + e.getMessage(), e);
        }
    }
}
