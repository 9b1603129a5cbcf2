package org.skillgraph.read;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns a page into {@link PageLine}s: the text rendering line by line, or the HTML page through jsoup
 * into the same lines a browser's text rendering would show (block elements start lines, list items of
 * an ordered list are numbered "  N. "), keeping where one element ends and the next begins.
 */
final class PageLines {
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tr", "ul", "html", "td", "th", "caption", "tbody", "thead", "tfoot");
    /** Phrasing elements that format text inside one item: they never separate two items. */
    private static final Set<String> FORMATTING = Set.of("b", "strong", "i", "em", "u", "s", "small", "mark", "sup",
            "sub", "code", "kbd", "var", "samp", "abbr", "dfn", "cite", "q", "del", "ins", "time", "wbr", "bdi", "bdo",
            "font", "tt", "big", "strike");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "head", "svg",
            "iframe", "object", "button", "input", "select", "textarea");

    private PageLines() {
    }

    static List<PageLine> fromText(String text) {
        List<PageLine> lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new PageLine(i + 1, raw[i].stripTrailing(), new int[0]));
        }
        return lines;
    }

    static List<PageLine> fromHtml(String html) {
        Document doc = Jsoup.parse(html);
        Builder b = new Builder();
        b.walk(doc.body());
        b.endLine();
        return b.lines;
    }

    private static final Pattern HTML_INTEGER =
            Pattern.compile("^[\\t\\n\\f\\r ]*([+-]?\\d{1,9})");

    /** An HTML integer attribute's value (leading white space, a sign, digits; what follows ignored), or null. */
    static Integer htmlInteger(String attr) {
        Matcher m = HTML_INTEGER.matcher(attr);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Accumulates the current line's text and element boundaries while walking the DOM. */
    private static final class Builder {
        private final List<PageLine> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> boundaries = new ArrayList<>();
        private boolean boundaryPending;
        private final Map<Element, Integer> nextOrdinal = new IdentityHashMap<>();

        /**
         * Walks the element's descendants in document order, without recursion (jsoup's traversal keeps no
         * stack of its own, so a page nested thousands of elements deep is read like any other).
         */
        void walk(Element root) {
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node == root) {
                        return FilterResult.CONTINUE;
                    }
                    if (node instanceof TextNode t) {
                        appendText(t.getWholeText());
                    } else if (node instanceof Element el) {
                        String tag = el.normalName();
                        if (SKIPPED.contains(tag)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if ("br".equals(tag)) {
                            endLine();
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (BLOCKS.contains(tag)) {
                            endLine();
                            if ("li".equals(tag) && el.parent() != null && "ol".equals(el.parent().normalName())) {
                                text.append("  ").append(ordinal(el)).append(". ");
                            }
                        } else if (!FORMATTING.contains(tag)) {
                            boundaryPending = true;
                        }
                    }
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node != root && node instanceof Element el) {
                        String tag = el.normalName();
                        if (BLOCKS.contains(tag)) {
                            endLine();
                        } else if (!FORMATTING.contains(tag)) {
                            boundaryPending = true;
                        }
                    }
                    return FilterResult.CONTINUE;
                }
            }, root);
        }

        /**
         * The number a browser shows for an item of an ordered list: only the list's {@code li} children count
         * (a {@code script} or {@code template} among them is no item), from the list's {@code start} (or, for
         * a {@code reversed} list, the number of its items) on, each {@code value} attribute renumbering from its
         * item. Items are met in document order, so each list's next number is kept rather than counted again.
         */
        private int ordinal(Element li) {
            Element ol = li.parent();
            int step = ol.hasAttr("reversed") ? -1 : 1;
            Integer next = nextOrdinal.get(ol);
            if (next == null) {
                Integer start = htmlInteger(ol.attr("start"));
                next = start != null ? start
                        : step < 0 ? (int) ol.children().stream().filter(e -> "li".equals(e.normalName())).count() : 1;
            }
            Integer value = htmlInteger(li.attr("value"));
            int n = value != null ? value : next;
            nextOrdinal.put(ol, n + step);
            return n;
        }

        private void appendText(String raw) {
            String s = raw.replaceAll("[\\s\u00a0]+", " ");
            if (text.length() == 0 || text.toString().isBlank()) {
                s = s.stripLeading();
            }
            if (s.isEmpty()) {
                return;
            }
            if (boundaryPending && text.length() > 0 && !s.isBlank()) {
                // the boundary is where the new element's text starts, past any white space between elements
                boundaries.add(text.length() + (s.length() - s.stripLeading().length()));
            }
            if (!s.isBlank()) {
                boundaryPending = false;
            }
            text.append(s);
        }

        void endLine() {
            String t = text.toString();
            String stripped = t.stripTrailing();
            if (!stripped.isBlank()) {
                int[] b = boundaries.stream().mapToInt(Integer::intValue).filter(x -> x < stripped.length())
                        .distinct().sorted().toArray();
                lines.add(new PageLine(lines.size() + 1, stripped, b));
            }
            text.setLength(0);
            boundaries.clear();
            boundaryPending = false;
        }
    }
}
