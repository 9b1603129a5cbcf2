package org.skillgraph.read;

import java.util.Map;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import net.sf.extjwnl.dictionary.file.DictionaryFileType;
import net.sf.extjwnl.princeton.file.PrincetonResourceDictionaryFile;
import net.sf.extjwnl.util.PointedCharSequence;
import net.sf.extjwnl.util.factory.Param;

/**
 * A WordNet file read from the data jar's resources when it is first used, not when the dictionary opens.
 * <p>extjwnl's resource dictionary reads every file of every part of speech into memory as it opens, each through
 * a 16 MB buffer: 28 MB of files, of which the synset files ({@code data.noun} alone 15 MB) are never read by
 * {@link GlueSplitter}, which only asks the index and exception files whether a word exists and what a verb's
 * base form is. Opened so, the dictionary took 0.8–1.0 s and kept 43 MB of heap; now the files lookups use are
 * read when they use them, 0.5 s with the first lookup, and 12 MB are kept (each file read still goes through
 * extjwnl's 16 MB buffer: its reading is extjwnl's own, only deferred). The dictionary's files are shared by
 * every thread that looks words up, so the first use reads a file once, under its lock.</p>
 */
public final class LazyResourceDictionaryFile extends PrincetonResourceDictionaryFile {
    /** The files read in this process, by name ({@code index.verb}): what the lookups made so far needed. */
    private static final java.util.Set<String> READ = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private volatile boolean open;
    private volatile boolean loaded;

    /** The factory instance extjwnl makes from the dictionary's properties ({@code file_type}). */
    public LazyResourceDictionaryFile(Dictionary dictionary, Map<String, Param> params) {
        super(dictionary, params);
    }

    private LazyResourceDictionaryFile(Dictionary dictionary, String path, POS pos, DictionaryFileType fileType,
            Map<String, Param> params) {
        super(dictionary, path, pos, fileType, params);
    }

    @Override
    public PrincetonResourceDictionaryFile newInstance(Dictionary dictionary, String path, POS pos,
            DictionaryFileType fileType) {
        return new LazyResourceDictionaryFile(dictionary, path, pos, fileType, params);
    }

    /** Marks the file open; its bytes are read at its first use. */
    @Override
    public void open() {
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (loaded) {
                super.close();
                loaded = false;
            }
            open = false;
        }
    }

    private void load() throws JWNLException {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    super.open();
                    loaded = true;
                    READ.add(getFilename());
                }
            }
        }
    }

    /** Whether this file's bytes have been read. */
    boolean isRead() {
        return loaded;
    }

    /** The names of the files read so far in this process, by any dictionary. */
    static java.util.Set<String> filesRead() {
        return java.util.Set.copyOf(READ);
    }

    @Override
    public long getFirstLineOffset() throws JWNLException {
        load();
        return super.getFirstLineOffset();
    }

    @Override
    public long getNextLineOffset(long offset) throws JWNLException {
        load();
        return super.getNextLineOffset(offset);
    }

    @Override
    public PointedCharSequence readLine(long offset) throws JWNLException {
        load();
        return super.readLine(offset);
    }

    @Override
    public PointedCharSequence readWord(long offset) throws JWNLException {
        load();
        return super.readWord(offset);
    }

    @Override
    public long length() throws JWNLException {
        load();
        return super.length();
    }
}
