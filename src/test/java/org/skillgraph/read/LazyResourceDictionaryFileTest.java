package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import net.sf.extjwnl.dictionary.file.DictionaryFileType;
import net.sf.extjwnl.princeton.file.PrincetonResourceDictionaryFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The glue splitter's WordNet reads each file at its first use, and answers as extjwnl's own dictionary, which
 * reads every file as it opens.
 */
class LazyResourceDictionaryFileTest {
    private static final String WN31 = "/net/sf/extjwnl/data/wordnet/wn31";
    private static Dictionary eager;

    @BeforeAll
    static void openExtjwnlsOwn() throws Exception {
        eager = Dictionary.getDefaultResourceInstance();
    }

    @Test
    void aFileIsReadAtItsFirstUseAndReadsAsExtjwnlsOwn() throws Exception {
        Dictionary dictionary = GlueSplitter.dictionary();
        LazyResourceDictionaryFile lazy = (LazyResourceDictionaryFile) new LazyResourceDictionaryFile(dictionary,
                Map.of()).newInstance(dictionary, WN31, POS.VERB, DictionaryFileType.INDEX);
        PrincetonResourceDictionaryFile read = new PrincetonResourceDictionaryFile(dictionary, Map.of())
                .newInstance(dictionary, WN31, POS.VERB, DictionaryFileType.INDEX);
        lazy.open();
        read.open();
        assertTrue(lazy.isOpen());
        assertFalse(lazy.isRead(), "opening reads nothing");
        assertEquals(read.length(), lazy.length());
        assertTrue(lazy.isRead(), "the first use reads the file");
        long at = lazy.getFirstLineOffset();
        assertEquals(read.getFirstLineOffset(), at);
        for (int i = 0; i < 200; i++) {
            assertEquals(read.readLine(at).toString(), lazy.readLine(at).toString(), "line at " + at);
            assertEquals(read.readWord(at).toString(), lazy.readWord(at).toString());
            at = lazy.getNextLineOffset(at);
        }
        lazy.close();
        assertFalse(lazy.isOpen());
        assertFalse(lazy.isRead());
    }

    @ParameterizedTest
    @ValueSource(strings = {"running", "preparation", "mentorship", "road map", "front-end", "quickly", "ran",
            "geese", "analyses", "schedule", "reliably", "QC", "xyzzyq"})
    void aLookupAnswersAsExtjwnlsOwnDictionary(String word) throws Exception {
        Dictionary lazy = GlueSplitter.dictionary();
        assertEquals(eager.lookupAllIndexWords(word).getValidPOSSet(), lazy.lookupAllIndexWords(word).getValidPOSSet());
        assertEquals(lemma(eager.getMorphologicalProcessor().lookupBaseForm(POS.VERB, word)),
                lemma(lazy.getMorphologicalProcessor().lookupBaseForm(POS.VERB, word)));
        for (POS pos : POS.getAllPOS()) {
            assertEquals(lemma(eager.getIndexWord(pos, word)), lemma(lazy.getIndexWord(pos, word)), pos.getLabel());
        }
    }

    @Test
    void theSplitterReadsNoSynsetFile() {
        GlueSplitter splitter = new GlueSplitter();
        GlueSplitter.Split split = splitter.split("Biological sample preparationperform basic processing steps.");
        assertEquals("perform basic processing steps.", split.description());
        assertTrue(LazyResourceDictionaryFile.filesRead().contains("index.verb"),
                LazyResourceDictionaryFile.filesRead().toString());
        assertTrue(LazyResourceDictionaryFile.filesRead().stream().noneMatch(f -> f.startsWith("data.")),
                LazyResourceDictionaryFile.filesRead().toString());
    }

    private static String lemma(IndexWord w) {
        return w == null ? null : w.getLemma();
    }
}
