package org.skillgraph.read;

import java.util.Arrays;

/**
 * One line of a page's block/line structure: its text as a browser renders it, and — when the page was
 * read from HTML — the offsets where one element's text ends and the next one's begins. The text
 * rendering has no such offsets; that is what {@link GlueSplitter} and {@link CitationChips} recover.
 *
 * @param number 1-based line number in the text rendering (for HTML: in jsoup's rendering)
 * @param text the line's text
 * @param boundaries sorted offsets into {@code text} of element boundaries (empty for text input)
 */
record PageLine(int number, String text, int[] boundaries) {
    PageLine {
        boundaries = boundaries.clone();
    }

    boolean hasBoundaries() {
        return boundaries.length > 0;
    }

    boolean isBlank() {
        return text.isBlank();
    }

    /** This line with its first {@code n} characters removed, boundaries shifted. */
    PageLine drop(int n) {
        int[] b = Arrays.stream(boundaries).filter(x -> x > n).map(x -> x - n).toArray();
        return new PageLine(number, text.substring(n), b);
    }

    /** The boundaries that fall strictly inside {@code [from, to)}, relative to {@code from}. */
    int[] boundariesIn(int from, int to) {
        return Arrays.stream(boundaries).filter(x -> x > from && x < to).map(x -> x - from).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageLine p && p.number == number && p.text.equals(text)
                && Arrays.equals(p.boundaries, boundaries);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * number + text.hashCode()) + Arrays.hashCode(boundaries);
    }

    @Override
    public String toString() {
        return number + ": " + text;
    }
}
