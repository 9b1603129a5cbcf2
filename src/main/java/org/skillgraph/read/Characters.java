package org.skillgraph.read;

/**
 * The characters a document's text may not hold: those outside XML 1.0's {@code Char} production (C0 control
 * characters other than tab, line feed and carriage return; U+FFFE and U+FFFF) and lone UTF-16 surrogates
 * (half a character, which a JSON escape such as {@code \ud800} can spell). None is text: stored, a lone
 * surrogate would be written as '?', and a control character would make every RDF/XML answer that holds it
 * fail. A document holding one is refused, naming where, rather than stored changed or unservable.
 */
final class Characters {
    private Characters() {
    }

    /** The index of the first character {@code s} may not hold, or -1. */
    static int firstForbidden(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0xFFFE || c == 0xFFFF) {
                return k;
            }
            if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether {@code s} shows nothing: white space (Unicode's too: no-break space, line separator) and invisible
     * format characters only (zero-width space and joiners, byte order mark, bidirectional marks).
     */
    static boolean isBlank(String s) {
        return s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    /** What the character at {@code k} is, and why a document may not hold it. */
    static String describe(String s, int k) {
        char c = s.charAt(k);
        String code = String.format("U+%04X", (int) c);
        if (Character.isSurrogate(c)) {
            return "a lone UTF-16 surrogate " + code + " (half of a character, not a character)";
        }
        return (c < 0x20 ? "the control character " : "the noncharacter ") + code
                + " (not text: XML 1.0, and so RDF/XML, cannot hold it)";
    }

    /** {@code s} with every character it may not hold written as a JSON escape ({@code \\u0001}), so a message shows it. */
    static String escaped(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                b.append(c).append(s.charAt(++k));
            } else if (firstForbidden(String.valueOf(c)) == 0) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
