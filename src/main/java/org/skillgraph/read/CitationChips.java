package org.skillgraph.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates citation chips from the statement text they follow and splits each chip into its short
 * label and its tooltip (title — detail).
 * <p>A chip renders as {@code Label} + {@code Title — detail} + {@code ". Opens in new tab."}, glued:
 * {@code "…errors Anthropic Economic IndexAnthropic Economic Index — release_2026_03_24. Opens in new tab."}.
 * Chips are recognised by that shape, never by a list of known sources. The label/title boundary is a
 * glue point (a lowercase letter, digit or closing punctuation directly followed by a capital) at which
 * the label and the title start with the same word ({@code WEF Skills Taxonomy|WEF Skills Taxonomy 2021}),
 * or else the detail opens with the label ({@code Jadhav & Danve, 2026|Skill Automation … — Jadhav & Danve,
 * 2026 (arXiv:…)}). Chips that stand alone on a page (second and later chips of a statement) teach the
 * reader their exact label and title, which then resolves the same chip where it follows statement text.</p>
 * <p>A chip that lost its {@code " Opens in new tab."} is not glued into the statement: where the statement text ends
 * in that shape ({@code "…errors LabelTitle — detail."}), it is cut where the chip begins and the chip is kept, not
 * cited, in a doubt.</p>
 */
final class CitationChips {
    static final Pattern OPENS = Pattern.compile("\\. ?Opens in new tab\\.");
    private static final String DASH = " \u2014 ";

    /** A chip: its label, the tooltip's title and the detail after the title's dash ({@code null} if none). */
    record Chip(String label, String title, String detail) {
    }

    /** A statement with its chips removed; {@code doubts} lists what could not be resolved. */
    record Parsed(String text, List<Chip> chips, List<String> doubts) {
    }

    private record Piece(String head, String detail, int headStart) {
    }

    /** Standalone chip heads seen on this page (label+title) → the chip, longest first. */
    private final Map<String, Chip> learned = new LinkedHashMap<>();

    /** Every chip read on this page, standalone or after a statement's text (for {@link #labelOnly}). */
    private final List<Chip> labels = new ArrayList<>();

    /** Learns the chips that stand alone in the given statement texts (a first pass over the page). */
    CitationChips learnFrom(List<String> statementTexts) {
        Map<String, Chip> found = new LinkedHashMap<>();
        for (String text : statementTexts) {
            List<Piece> pieces = pieces(text);
            for (int i = 1; i < pieces.size(); i++) {
                Piece p = pieces.get(i);
                Chip chip = resolve(p.head().strip(), p.detail(), new int[0], true);
                if (chip != null) {
                    found.putIfAbsent(chip.label() + chip.title(), chip);
                }
            }
        }
        found.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, Chip> e) -> -e.getKey().length()))
                .forEach(e -> learned.put(e.getKey(), e.getValue()));
        labels.addAll(learned.values());
        for (String text : statementTexts) {
            // the first chips of the statements, for the labels that may stand without their tooltip elsewhere
            List<Piece> pieces = pieces(text);
            if (!pieces.isEmpty() && pieces.get(0).detail() != null) {
                String head = pieces.get(0).head();
                int cut = chipStart(head, pieces.get(0).detail(), new int[0]);
                Chip chip = cut > 0 ? resolve(head.substring(cut), pieces.get(0).detail(), new int[0], true) : null;
                if (chip != null) {
                    labels.add(chip);
                }
            }
        }
        return this;
    }

    /**
     * Parses one statement text (after its number).
     *
     * @param boundaries element boundaries within {@code text} when read from HTML, else empty
     */
    Parsed parse(String text, int[] boundaries) {
        Matcher m = OPENS.matcher(text);
        if (!m.find()) {
            List<String> doubts = new ArrayList<>();
            return labelOnly(leftover(new Parsed(withoutTaillessChip(text.strip(), doubts), List.of(), doubts)));
        }
        List<Piece> pieces = pieces(text);
        int lastEnd = 0;
        m.reset();
        while (m.find()) {
            lastEnd = m.end();
        }
        String trailing = text.substring(lastEnd).strip();
        List<String> doubts = new ArrayList<>();
        List<Chip> chips = new ArrayList<>();
        String statement = null;
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            int[] local = Arrays.stream(boundaries).filter(b -> b > p.headStart()
                    && b < p.headStart() + p.head().length()).map(b -> b - p.headStart()).toArray();
            if (i == 0) {
                String head = p.head();
                String detail = p.detail();
                int d = head.lastIndexOf(DASH);
                if (detail == null && d > 0) {
                    // the piece's one dash was taken for the topic's; it is the tooltip's when a chip ends the text
                    // before it ("Topic - description LabelTitle — detail", the topic's dash written as a hyphen)
                    int[] before = Arrays.stream(local).filter(b -> b < d).toArray();
                    String after = head.substring(d + DASH.length()).strip();
                    if (chipStart(head.substring(0, d), after, before) > 0) {
                        detail = after;
                        head = head.substring(0, d);
                        local = before;
                    }
                }
                int cut = chipStart(head, detail, local);
                if (cut < 0) {
                    // the chip stays in the text (where it begins cannot be told); its detail, after the
                    // tooltip's dash, is in no text: the doubt keeps it
                    doubts.add("could not tell the first citation chip from the statement text: '"
                            + head + "'" + (detail == null ? "" : ", the chip's detail: '" + detail + "'"));
                    statement = head.strip();
                    chips.add(new Chip(null, null, detail));
                    continue;
                }
                statement = head.substring(0, cut).strip();
                String chipHead = head.substring(cut);
                int[] chipLocal = Arrays.stream(local).filter(b -> b > cut).map(b -> b - cut).toArray();
                chips.add(resolveOrDoubt(chipHead, detail, chipLocal, doubts));
            } else {
                String h = p.head();
                int lead = h.length() - h.stripLeading().length();
                int[] chipLocal = Arrays.stream(local).filter(b -> b > lead).map(b -> b - lead).toArray();
                chips.add(resolveOrDoubt(h.strip(), p.detail(), chipLocal, doubts));
            }
        }
        statement = withoutTaillessChip(statement, doubts);
        if (".".equals(trailing)) {
            statement = statement + ".";
        } else if (!trailing.isEmpty() && isTaillessChip(trailing)) {
            doubts.add(taillessDoubt(trailing.endsWith("..") ? trailing.substring(0, trailing.length() - 1) : trailing));
            statement = trailing.endsWith("..") ? statement + "." : statement;
        } else if (!trailing.isEmpty()) {
            doubts.add("unrecognised text after the citation chips: '" + trailing + "'");
            statement = statement + " " + trailing;
        }
        return labelOnly(leftover(new Parsed(statement, chips, doubts)));
    }

    /**
     * A statement text that ends with the label of a chip seen on this page ({@code "…protocols Jadhav & Danve,
     * 2026."}) is a chip that lost its tooltip: the text keeps it, not cited (which source it names is a guess), and a
     * doubt says so, rather than the citation passing unremarked as words of the statement.
     */
    private Parsed labelOnly(Parsed p) {
        String text = p.text().replaceAll("\\.+$", "").stripTrailing();
        for (Chip chip : labels) {
            String label = chip.label();
            if (label.isEmpty() || !text.endsWith(label) || text.length() == label.length()
                    || text.charAt(text.length() - label.length() - 1) != ' ') {
                continue;
            }
            List<String> doubts = new ArrayList<>(p.doubts());
            doubts.add("the statement text ends with the label of the citation chip '" + label + "' (" + chip.title()
                    + ") without its tooltip: kept in the text, not cited");
            return new Parsed(p.text(), p.chips(), doubts);
        }
        return p;
    }

    /**
     * A chip's ending left in the statement text ({@code "…errors Ghost SourceOpens in new tab."}: no full stop
     * before it, or no chip shape before that) is a chip that could not be read: the text keeps it, and a doubt
     * says so, rather than a statement ending in "Opens in new tab." passing unremarked.
     */
    private static Parsed leftover(Parsed p) {
        int at = p.text().indexOf(LEFT_OVER);
        if (at < 0 || p.doubts().stream().anyMatch(d -> d.contains(LEFT_OVER))) {
            return p; // none, or a doubt already quotes it
        }
        List<String> doubts = new ArrayList<>(p.doubts());
        int from = Math.max(0, at - 60);
        if (from > 0 && Character.isLowSurrogate(p.text().charAt(from))) {
            from++; // not half a character
        }
        doubts.add("'" + LEFT_OVER + "' in the statement text where no citation chip could be read (kept in the "
                + "text): '" + p.text().substring(from, at + LEFT_OVER.length()).strip() + "'");
        return new Parsed(p.text(), p.chips(), doubts);
    }

    private static final String LEFT_OVER = "Opens in new tab";

    /**
     * A statement text that ends with a chip missing its {@code " Opens in new tab."} ({@code "…errors Anthropic
     * Economic IndexAnthropic Economic Index — release_2026_03_24.."}) is cut where the chip begins, when a chip can be
     * recognised there by its shape ("label+title — detail" after the statement's own dash, the label/title boundary
     * found as for any chip). The chip is not cited (its end is not where a chip ends) but kept in a doubt. Of two full
     * stops at the end, the last is the statement's; a single one is left with the chip.
     */
    private String withoutTaillessChip(String statement, List<String> doubts) {
        int topic = statement.indexOf(DASH);
        int dash = statement.lastIndexOf(DASH);
        if (topic < 0 || dash <= topic) {
            return statement;
        }
        String head = statement.substring(0, dash);
        String detail = statement.substring(dash + DASH.length()).replaceAll("\\.+$", "").strip();
        int cut = chipStart(head, detail.isEmpty() ? null : detail, new int[0]);
        if (cut <= topic + DASH.length() || head.substring(topic + DASH.length(), cut).isBlank()) {
            return statement;
        }
        boolean ownStop = statement.endsWith("..");
        String chip = statement.substring(cut, statement.length() - (ownStop ? 1 : 0));
        doubts.add(taillessDoubt(chip));
        return statement.substring(0, cut).strip() + (ownStop ? "." : "");
    }

    /** Whether text after the last chip is another chip, without its {@code " Opens in new tab."}. */
    private boolean isTaillessChip(String text) {
        int dash = text.lastIndexOf(DASH);
        if (dash <= 0) {
            return false;
        }
        String head = text.substring(0, dash).strip();
        String detail = text.substring(dash + DASH.length()).replaceAll("\\.+$", "").strip();
        return learned.containsKey(head) || resolve(head, detail.isEmpty() ? null : detail, new int[0], true) != null;
    }

    private static String taillessDoubt(String chip) {
        return "a citation chip without its 'Opens in new tab.' ending, not cited and kept here: '" + chip.strip() + "'";
    }

    private Chip resolveOrDoubt(String head, String detail, int[] boundaries, List<String> doubts) {
        Chip chip = boundaries.length > 0 ? null : learned.get(head);
        if (chip == null) {
            chip = resolve(head, detail, boundaries, true);
        }
        if (chip == null) {
            doubts.add("could not split citation chip '" + head + "' into label and title");
            return new Chip(null, head, detail);
        }
        return new Chip(chip.label(), chip.title(), detail);
    }

    /** Where the first chip starts in "statement text + chip head", or -1. */
    private int chipStart(String head, String detail, int[] boundaries) {
        if (boundaries.length >= 2) {
            return boundaries[boundaries.length - 2];
        }
        for (String known : learned.keySet()) {
            if (head.endsWith(known)) {
                int at = head.length() - known.length();
                if (at == 0 || head.charAt(at - 1) == ' ') {
                    return at;
                }
            }
        }
        int[] best = best(head, detail, boundaries, false);
        return best == null ? -1 : best[0];
    }

    /** Label and title of a chip head that starts at 0, or {@code null}. */
    private static Chip resolve(String head, String detail, int[] boundaries, boolean anchored) {
        int[] best = best(head, detail, boundaries, anchored);
        if (best == null) {
            return null;
        }
        return new Chip(head.substring(best[0], best[1]).strip(), head.substring(best[1]).strip(), detail);
    }

    /**
     * The best (labelStart, titleStart) of a chip at the end of {@code head}, or {@code null}.
     * Rule 1 (label and title open with the same word) beats rule 2 (the detail opens with the label).
     */
    private static int[] best(String head, String detail, int[] boundaries, boolean anchored) {
        if (boundaries.length > 0) {
            // read from HTML: the tooltip is the last element, the label the one before it
            int g = boundaries[boundaries.length - 1];
            int w = anchored || boundaries.length == 1 ? 0 : boundaries[boundaries.length - 2];
            String label = head.substring(w, g);
            // no label element before the tooltip: the text before it is the statement's, not a label
            return label.isBlank() || label.contains(DASH) ? null : new int[] {w, g};
        }
        int[] rule1 = null;
        int[] rule2 = null;
        for (int g = 1; g < head.length(); g++) {
            if (!isGlue(head, g) || head.indexOf(DASH, g) >= 0) {
                continue; // a title runs to the tooltip's dash: one with a dash in it would swallow a chip's detail
            }
            String title = head.substring(g);
            for (int w = g - 1; w >= 0; w--) {
                if (w > 0 && head.charAt(w - 1) != ' ') {
                    continue;
                }
                if (anchored && w != 0) {
                    continue;
                }
                String label = head.substring(w, g);
                if (label.contains(DASH)) {
                    break; // a label stops at a dash: the tooltip's of a chip before it, or the topic's
                }
                if (rule1 == null && firstWord(label).equals(firstWord(title))) {
                    rule1 = new int[] {w, g}; // shortest such label: w closest to g
                }
                // the detail opens with the label, as a citation's does ("Jadhav & Danve, 2026 (arXiv:…)"): a label
                // found only inside it may be the last words of a longer one ("BLS OOH 2026" and "… Statistics, 2026
                // edition"), whose first words would be glued to the statement text, and the chip is then a doubt
                if (detail != null && label.codePoints().filter(Character::isLetterOrDigit).count() >= 4
                        && detail.startsWith(label.strip())) {
                    rule2 = new int[] {w, g}; // longest such label: keep overwriting as w decreases
                }
            }
        }
        return rule1 != null ? rule1 : rule2;
    }

    private static boolean isGlue(String s, int g) {
        char c = s.charAt(g);
        char prev = s.charAt(g - 1);
        return Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev)
                || ".,)]".indexOf(prev) >= 0);
    }

    private static String firstWord(String s) {
        String t = s.strip();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    /** Splits a statement text at its "Opens in new tab." markers into chip-ending pieces. */
    private static List<Piece> pieces(String text) {
        List<Piece> out = new ArrayList<>();
        Matcher m = OPENS.matcher(text);
        int start = 0;
        boolean first = true;
        while (m.find()) {
            String piece = text.substring(start, m.start());
            int d = piece.lastIndexOf(DASH);
            boolean hasDetail = d >= 0 && (!first || piece.indexOf(DASH) < d);
            if (hasDetail) {
                out.add(new Piece(piece.substring(0, d), piece.substring(d + DASH.length()).strip(), start));
            } else {
                out.add(new Piece(piece, null, start));
            }
            start = m.end();
            first = false;
        }
        return out;
    }
}
