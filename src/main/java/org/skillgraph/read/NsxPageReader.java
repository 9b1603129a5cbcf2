package org.skillgraph.read;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skillgraph.model.Anchor;
import org.skillgraph.model.AnchorKind;
import org.skillgraph.model.Anchors;
import org.skillgraph.model.Domain;
import org.skillgraph.model.EvidencePack;
import org.skillgraph.model.Flag;
import org.skillgraph.model.Framework;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.Keys;
import org.skillgraph.model.Level;
import org.skillgraph.model.Metric;
import org.skillgraph.model.Occupation;
import org.skillgraph.model.Provenance;
import org.skillgraph.model.Source;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.SourceFormat;
import org.skillgraph.model.Statement;

/**
 * Reads an NSX framework page from its block/line structure ({@link PageLines}), whether that came from
 * the text rendering or from the HTML page. Sections, in order: header, occupational framework, AI usage,
 * evidence pack, durable skills, O*NET anchors, sources footer. A missing section is an error naming the
 * line where it was expected, and so is a level, domain or evidence pack read twice; a line the reader does not
 * recognise is kept as a flag (up to {@link SourceReader#MAX_TEXT_CHARS} characters of such lines in all).
 */
final class NsxPageReader {
    /**
     * The header line: "SOC", the O*NET-SOC code, and glued to it the job zone and version. The code ends where no
     * digit or '.' follows: "SOC 29-2011.001…" is no code of this shape, never read as 29-2011.00.
     */
    private static final Pattern SOC = Pattern.compile("^SOC\\s*(\\d{2}-\\d{4}\\.\\d{2})(?![\\d.])(.*)$");
    /** A header line whose code has another shape ("SOC 29-2011.001", "SOC 29-2011.0"): what it has for a code. */
    private static final Pattern SOC_MISSHAPEN = Pattern.compile("^SOC\\s*(\\d[\\d.\\-]*)");
    /** The framework version that ends the header line ("…Considerable Preparationv.26.05"). */
    private static final Pattern HEADER_VERSION = Pattern.compile("(v\\.\\d+(?:\\.\\d+)*)\\s*$");
    /** "Job Zone 4 · Considerable Preparation": the job zone as written, then its label. */
    private static final Pattern HEADER_JOB_ZONE = Pattern.compile(
            "^\\s*Job\\s*Zone\\s*([^\u00b7]*?)\\s*(?:\u00b7\\s*(.*?))?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOB_ZONE_NUMBER = Pattern.compile("^\\d{1,3}$");
    private static final Pattern CONTEXT = Pattern.compile("^Context covered\\s*(.*)$");
    private static final Pattern ITEM = Pattern.compile("^\\s*(\\d{1,3})\\.\\s+(\\S.*)$");
    private static final Pattern EMPTY_ITEM = Pattern.compile("^\\s*\\d{1,3}\\.\\s*$");
    /** A numbered statement not in the form "N. text" ("10) text", "3 text", "4.text"): not read, and never skipped. */
    private static final Pattern ITEM_LIKE = Pattern.compile("^\\s*\\d{1,3}(?:[.):]\\s*|\\s+)\\S.*$");
    private static final Pattern DOMAIN = Pattern.compile("^(\\d{1,2})\\s*(\\D.*?)\\s*(\\d+)\\s*statements?$");
    private static final Pattern ANCHORS = Pattern.compile("anchors\\s*(\\d+)\\s*anchors?(?:\\s*\u00b7\\s*(.*))?$");
    private static final Pattern FOOTER = Pattern.compile("^Sources:\\s*(.*)$");
    private static final Pattern METRIC = Pattern.compile("^([^:]{1,60}):\\s*(.+)$");
    private static final Pattern KEY_VALUE = Pattern.compile("^[a-z0-9]+(?:_[a-z0-9]+)+$");
    private static final Pattern CIP = Pattern.compile("\\d{2}\\.\\d{4}");
    private static final Pattern PERCENT = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)\\s*%$");
    private static final Pattern OF_100 = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)\\s*/\\s*100$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.\\d+)?$");
    private static final Pattern ONET_CREDIT = Pattern.compile("^O\\*NET\\s*(v[\\d.]+)?\\s*(?:\\((.*)\\))?$");
    /** Page furniture repeated on every page of the site: recognised, not data about the occupation. */
    private static final List<Pattern> CHROME = List.of(
            Pattern.compile("^NSX.*Sign in$"), Pattern.compile("^Back to Framework$"),
            Pattern.compile("^Authoritative source data identified for [\\d,]+ occupations$"),
            Pattern.compile("^O\\*NET enrichment\\b.*$"), Pattern.compile("^Suggest an O\\*NET correction$"),
            Pattern.compile("^Source anchors that ground each statement$"));
    private static final String RELATED = "Related titles";
    private static final String CIP_HEADING = "CIP education codes";

    private final Path file;
    private final GlueSplitter glue = new GlueSplitter();
    private final List<Flag> flags = new ArrayList<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private List<PageLine> lines;
    private int i;
    /** Where the last search for a section's heading began (the line after the previous section). */
    private int searchedFrom = -1;
    /** Whether the last search for a section's heading passed over lines that belong to no section. */
    private boolean skipped;
    private CitationChips chips;
    /** Whether the page was read from HTML: its line numbers are those of its rendering. */
    private boolean html;
    /** The first line flagged as unrecognised, how many were and the length of their text: see {@link #unrecognised}. */
    private PageLine firstUnrecognised;
    private int unrecognisedLines;
    private int unrecognisedChars;

    NsxPageReader(Path file) {
        this.file = file;
    }

    /** An item of a numbered list: its line, its number and where its text starts in the line. */
    private record Item(PageLine line, int number, String text, int offset) {
        int[] boundaries() {
            return line.boundariesIn(offset, line.text().length());
        }

        String location() {
            return "line " + line.number();
        }
    }

    /** A level of a framework (or of a durable-skill domain): its label, role label, statements and heading line. */
    private record LevelBlock(String label, String role, List<Item> items, PageLine heading) {
    }

    SourceDocument read(List<PageLine> pageLines, SourceFormat format, String sha256) {
        html = format == SourceFormat.NSX_HTML;
        lines = pageLines.stream().filter(l -> !l.isBlank()).toList();
        for (PageLine l : lines) {
            int bad = Characters.firstForbidden(l.text());
            if (bad >= 0) {
                throw new SourceException(file, "line " + l.number() + ", column " + (bad + 1), Characters.describe(
                        l.text(), bad) + " in '" + abbreviate(Characters.escaped(l.text().strip())) + "'; a document may not hold it");
            }
            if (l.text().length() > SourceReader.MAX_TEXT_CHARS) {
                throw new SourceException(file, "line " + l.number(), "a line of " + l.text().length()
                        + " characters; no statement, description or line of a framework page is longer than "
                        + SourceReader.MAX_TEXT_CHARS + " characters");
            }
        }
        chips = new CitationChips().learnFrom(lines.stream().map(PageLine::text).toList());
        i = 0;

        // 1. header
        int soc = indexOf(SOC);
        if (soc < 0) {
            for (PageLine l : lines) {
                Matcher bad = SOC_MISSHAPEN.matcher(l.text().strip());
                if (bad.find()) {
                    throw new SourceException(file, "line " + l.number(), "the header's SOC code '" + bad.group(1)
                            + "' is not an O*NET-SOC code NN-NNNN.NN (as in 'SOC 29-2011.00'): '"
                            + abbreviate(l.text().strip()) + "'");
                }
            }
            throw new SourceException(file, null,
                    "not an NSX framework page: no header line 'SOC NN-NNNN.NN' found");
        }
        String title = null;
        for (int k = soc - 1; k >= 0 && title == null; k--) {
            if (!isChrome(lines.get(k).text())) {
                title = lines.get(k).text().strip();
            }
        }
        for (int k = 0; k < soc; k++) {
            if (!isChrome(lines.get(k).text()) && !lines.get(k).text().strip().equals(title)) {
                unrecognised(lines.get(k));
            }
        }
        if (title == null) {
            throw new SourceException(file, "line " + lines.get(soc).number(),
                    "missing section 'header': no occupation title before the SOC line");
        }
        Matcher sm = SOC.matcher(lines.get(soc).text().strip());
        sm.matches();
        String socCode = sm.group(1);
        Integer jobZone = null;
        String jobZoneLabel = null;
        String headerLine = "line " + lines.get(soc).number();
        String rest = sm.group(2);
        Matcher vm = HEADER_VERSION.matcher(rest);
        String version = vm.find() ? vm.group(1) : null;
        if (version != null) {
            rest = rest.substring(0, vm.start());
        }
        Matcher jz = HEADER_JOB_ZONE.matcher(rest);
        if (jz.matches()) {
            if (!JOB_ZONE_NUMBER.matcher(jz.group(1)).matches()) {
                throw new SourceException(file, headerLine, "could not read the job zone "
                        + (jz.group(1).isEmpty() ? "(no number after 'Job Zone')" : "'" + abbreviate(jz.group(1)) + "'")
                        + " in the header line ('" + abbreviate(rest.strip()) + "'): a job zone is a whole number "
                        + "from 1 to 5, as in 'Job Zone 4 \u00b7 Considerable Preparation'");
            }
            jobZone = Integer.valueOf(jz.group(1));
            jobZoneLabel = blankToNull(jz.group(2));
        } else if (!rest.isBlank()) {
            flags.add(new Flag("header-unrecognised", "could not read a job zone from '" + rest.strip()
                    + "'; kept here", headerLine));
        }
        if (version == null) {
            throw new SourceException(file, headerLine, "missing framework version (e.g. 'v.26.05') in the header line");
        }
        i = soc + 1;
        String context = null;
        if (i < lines.size()) {
            Matcher cm = CONTEXT.matcher(lines.get(i).text().strip());
            if (cm.matches()) {
                context = cm.group(1).strip();
                i++;
            }
        }

        // 2. occupational framework
        List<LevelBlock> occBlocks = levels(Scales.OCCUPATIONAL, true, "the occupational framework");
        require(!occBlocks.isEmpty(), "occupational framework", "a level 'Emerging' followed by numbered statements");
        Framework occupational = occupationalFramework(version, context, occBlocks);

        // 3–4. AI usage
        String aiDescription = description(l -> Scales.OCCUPATIONAL.contains(Scales.key(l)) || isEvidenceHeader(l)
                || isLaterHeading(l),
                "the AI-usage framework's description", "its first level");
        List<LevelBlock> aiBlocks = levels(Scales.OCCUPATIONAL, false, "the AI-usage framework");
        require(!aiBlocks.isEmpty(), "AI usage", "levels of AI-usage statements");
        Framework ai = chippedFramework(FrameworkKind.AI_USAGE, version, aiDescription, Scales.OCCUPATIONAL,
                aiBlocks, List.of(), List.of());

        // 5. evidence pack
        skipTo(NsxPageReader::isEvidenceHeader, "'Evidence pack'");
        require(i < lines.size() && isEvidenceHeader(lines.get(i).text()), "evidence pack", "'Evidence pack'");
        EvidencePack evidence = evidence(lines.get(i++));

        // 6. durable skills
        String durableDescription = description(l -> DOMAIN.matcher(l.strip()).matches() || isLaterHeading(l),
                "the durable-skills framework's description", "its first domain heading");
        require(i < lines.size() && DOMAIN.matcher(lines.get(i).text().strip()).matches(), "durable skills",
                "a domain header such as '1Communication12 statements'");
        List<Domain> domains = new ArrayList<>();
        List<List<LevelBlock>> domainBlocks = new ArrayList<>();
        Map<String, PageLine> domainHeadings = new LinkedHashMap<>();
        while (i < lines.size()) {
            Matcher dm = DOMAIN.matcher(lines.get(i).text().strip());
            if (!dm.matches()) {
                if (i + 1 < lines.size() && DOMAIN.matcher(lines.get(i + 1).text().strip()).matches()) {
                    unrecognised(lines.get(i++)); // a stray line between two domains
                    continue;
                }
                break;
            }
            String name = dm.group(2).strip();
            if (name.endsWith("-") || name.endsWith("\u2212")) {
                // "1Communication-12 statements": a minus glued to the count, not a domain named "Communication-"
                throw new SourceException(file, "line " + lines.get(i).number(), "the durable-skill domain heading '"
                        + abbreviate(lines.get(i).text().strip()) + "' gives a negative statement count ("
                        + name.charAt(name.length() - 1) + dm.group(3) + "): a count is a number of statements");
            }
            PageLine earlier = domainHeadings.putIfAbsent(Keys.slug(name), lines.get(i));
            if (earlier != null) {
                throw new SourceException(file, "line " + lines.get(i).number(), "the durable-skill domain heading '"
                        + abbreviate(lines.get(i).text().strip()) + "' repeats the domain '" + name + "' of line "
                        + earlier.number() + " ('" + abbreviate(earlier.text().strip()) + "'): a page lists each "
                        + "domain once (the domain duplicated, or another one's heading miswritten?)");
            }
            domains.add(new Domain(Integer.parseInt(dm.group(1)), Keys.slug(name), name,
                    count(dm.group(3), lines.get(i), "statement count of the durable-skill domain '" + name + "'")));
            i++;
            List<LevelBlock> levels = levels(Scales.DURABLE, false, "the durable-skill domain '" + name + "' (line "
                    + lines.get(i - 1).number() + ")");
            if (levels.isEmpty()) {
                String found = i < lines.size() ? "'" + abbreviate(lines.get(i).text().strip()) + "'" : "the end of the page";
                throw new SourceException(file, i < lines.size() ? "line " + lines.get(i).number() : "end of file",
                        "expected a level of the scale " + Scales.DURABLE + " after the domain heading '" + name
                        + "' (line " + lines.get(i - 1).number() + "), found " + found);
            }
            domainBlocks.add(levels);
        }
        Framework durable = chippedFramework(FrameworkKind.DURABLE_SKILLS, version, durableDescription,
                Scales.DURABLE, null, domains, domainBlocks);

        // 7. anchors
        skipTo(l -> ANCHORS.matcher(l).find(), "'Show O*NET source anchors'");
        require(i < lines.size() && ANCHORS.matcher(lines.get(i).text()).find(), "O*NET anchors",
                "'Show O*NET source anchors' with the anchor count");
        Matcher am = ANCHORS.matcher(lines.get(i).text());
        am.find();
        Integer declared = count(am.group(1), lines.get(i), "anchor count");
        String crosswalk = blankToNull(am.group(2));
        i++;
        List<String> related = new ArrayList<>();
        Anchors anchors = anchors(declared, related);

        // 8. footer
        skipTo(l -> FOOTER.matcher(l.strip()).matches(), "the sources footer");
        require(i < lines.size(), "sources footer", "'Sources: …'");
        Matcher fm = FOOTER.matcher(lines.get(i).text().strip());
        fm.matches();
        String[] onet = new String[2];
        String attribution = footer(fm.group(1), "line " + lines.get(i).number(), onet);
        for (i++; i < lines.size(); i++) {
            if (!isChrome(lines.get(i).text())) {
                unrecognised(lines.get(i));
            }
        }

        Occupation occupation = new Occupation(socCode, title, null, null, jobZone, jobZoneLabel, null, related);
        Provenance provenance = new Provenance(file.getFileName().toString(), sha256, format, null, null, null,
                onet[0], onet[1], attribution, crosswalk);
        return new SourceDocument(provenance, occupation, List.of(occupational, ai, durable), evidence, anchors,
                new ArrayList<>(sources.values()), flags);
    }

    // ---- sections -------------------------------------------------------------------------------------

    private Framework occupationalFramework(String version, String context, List<LevelBlock> blocks) {
        List<Level> levels = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        for (LevelBlock b : blocks) {
            String key = Scales.key(b.label());
            levels.add(new Level(key, b.label(), b.role(), Scales.rank(Scales.OCCUPATIONAL, key)));
            for (Item item : b.items()) {
                statements.add(occupationalStatement(key, item));
            }
        }
        return new Framework(FrameworkKind.OCCUPATIONAL, version, null, context, levels, List.of(),
                Repeats.flagged(statements));
    }

    private Statement occupationalStatement(String levelKey, Item item) {
        String text = item.text().strip();
        int[] b = item.boundaries();
        DashSplit dash = DashSplit.of(text, item.location());
        if (b.length > 0) {
            String topic = text.substring(0, b[0]).strip().replaceAll("\\s*\u2014$", "");
            String description = text.substring(b[0]).strip().replaceAll("^\u2014\\s*", "");
            return new Statement(levelKey, null, item.number(), text, topic, description, List.of(), List.of(),
                    item.location());
        }
        if (dash != null) {
            return new Statement(levelKey, null, item.number(), text, dash.topic(), dash.description(), List.of(),
                    dash.flags(), item.location());
        }
        GlueSplitter.Split split = glue.split(text);
        if (split.confident()) {
            return new Statement(levelKey, null, item.number(), text, split.topic(), split.description(),
                    List.of(), List.of(), item.location());
        }
        String guess = split.description() == null ? "" : " (best guess: '" + split.topic() + "' / '"
                + split.description() + "')";
        Flag flag = new Flag("topic-split-unsure", "could not split topic from description with confidence: "
                + split.doubt() + guess + "; kept the whole text", item.location());
        return new Statement(levelKey, null, item.number(), text, text, null, List.of(), List.of(flag),
                item.location());
    }

    /**
     * An AI-usage or durable-skills framework: "Topic — description" statements with citation chips.
     * For durable skills, {@code blocks} is null and {@code domainBlocks} holds each domain's levels.
     */
    private Framework chippedFramework(FrameworkKind kind, String version, String description, List<String> scale,
                                       List<LevelBlock> blocks, List<Domain> domains,
                                       List<List<LevelBlock>> domainBlocks) {
        Map<String, Level> levels = new LinkedHashMap<>();
        List<Statement> statements = new ArrayList<>();
        List<List<LevelBlock>> groups = blocks != null ? List.of(blocks) : domainBlocks;
        for (int d = 0; d < groups.size(); d++) {
            String domainKey = blocks != null ? null : domains.get(d).key();
            for (LevelBlock b : groups.get(d)) {
                String key = Scales.key(b.label());
                levels.putIfAbsent(key, new Level(key, b.label(), b.role(), Scales.rank(scale, key)));
                for (Item item : b.items()) {
                    statements.add(chippedStatement(key, domainKey, item));
                }
            }
        }
        List<Level> ordered = levels.values().stream()
                .sorted(java.util.Comparator.comparingInt(Level::rank)).toList();
        return new Framework(kind, version, description, null, ordered, domains, Repeats.flagged(statements));
    }

    private Statement chippedStatement(String levelKey, String domainKey, Item item) {
        CitationChips.Parsed parsed = chips.parse(item.text(), item.boundaries());
        List<Flag> statementFlags = new ArrayList<>();
        for (String doubt : parsed.doubts()) {
            statementFlags.add(new Flag("citation-unresolved", doubt, item.location()));
        }
        List<String> cited = new ArrayList<>();
        for (CitationChips.Chip chip : parsed.chips()) {
            if (chip.title() == null) {
                continue;
            }
            Source s = Sources.cited(chip.label(), chip.title(), chip.detail());
            sources.putIfAbsent(s.key(), s);
            if (!cited.contains(s.key())) {
                cited.add(s.key());
            }
        }
        String text = parsed.text();
        DashSplit dash = DashSplit.of(text, item.location());
        if (dash == null) {
            statementFlags.add(new Flag("topic-split-missing",
                    "no ' \u2014 ' between topic and description; kept the whole text", item.location()));
            return new Statement(levelKey, domainKey, item.number(), text, text, null, cited, statementFlags,
                    item.location());
        }
        statementFlags.addAll(dash.flags());
        return new Statement(levelKey, domainKey, item.number(), text, dash.topic(), dash.description(), cited,
                statementFlags, item.location());
    }

    /** The evidence pack's groups and values, after its heading ({@code heading}), up to the durable skills. */
    private EvidencePack evidence(PageLine heading) {
        List<Metric> metrics = new ArrayList<>();
        String group = null;
        PageLine groupLine = null;
        boolean groupHasValues = false;
        while (i < lines.size()) {
            PageLine line = lines.get(i);
            String t = line.text().strip();
            if (DOMAIN.matcher(t).matches() || isParagraph(t)) {
                break;
            }
            String where = "line " + line.number();
            if (isEvidenceHeader(t)) {
                throw new SourceException(file, where, "'" + t + "' repeats the heading of the evidence pack at line "
                        + heading.number() + ": a page has one evidence pack (the section duplicated?)");
            }
            Matcher m = METRIC.matcher(t);
            if (m.matches() && group != null) {
                Metric metric = metric(group, m.group(1).strip(), m.group(2).strip(), where);
                Metric same = metrics.stream().filter(o -> o.group().equals(metric.group())
                        && o.name().equalsIgnoreCase(metric.name()) && o.raw().equals(metric.raw())).findFirst()
                        .orElse(null);
                if (same == null) {
                    metrics.add(metric);
                } else {
                    // the graph holds a value once: the repeat is said, not lost without a word
                    flags.add(new Flag("metric-repeated", "'" + t + "' repeats the evidence pack's value at "
                            + same.location() + " (group '" + group + "'); kept once", where));
                }
                groupHasValues = true;
            } else if (group != null && !groupHasValues) {
                metrics.add(new Metric(group, "label", t, null, Metric.Unit.TEXT, t, where));
                groupHasValues = true;
            } else if (group != null && KEY_VALUE.matcher(t).matches()) {
                metrics.add(new Metric(group, "key", t, null, Metric.Unit.TEXT, t, where));
            } else {
                group = t;
                groupLine = line;
                groupHasValues = false;
            }
            i++;
        }
        if (group != null && !groupHasValues) {
            unrecognised(groupLine); // a last line that no value follows: not a group, and not dropped
        }
        return new EvidencePack(metrics);
    }

    private Metric metric(String group, String name, String raw, String where) {
        Matcher m;
        if ((m = PERCENT.matcher(raw)).matches()) {
            return new Metric(group, name, raw, new BigDecimal(m.group(1)), Metric.Unit.PERCENT, null, where);
        }
        if ((m = OF_100.matcher(raw)).matches()) {
            return new Metric(group, name, raw, new BigDecimal(m.group(1)), Metric.Unit.SCORE_OF_100, null, where);
        }
        if (NUMBER.matcher(raw).matches()) {
            Metric.Unit unit = raw.contains(".") ? Metric.Unit.NUMBER : Metric.Unit.COUNT;
            if (unit == Metric.Unit.COUNT && raw.replaceFirst("^-?0*(?=\\d)", "").length() > 9) {
                // held as an xsd:integer, which the store keeps exactly only within a long: refused as every
                // count of a page too large to be one is
                throw new SourceException(file, where, "the " + group + " value '" + name + "' " + abbreviate(raw)
                        + " is too large to be a count (at most 999,999,999)");
            }
            return new Metric(group, name, raw, new BigDecimal(raw), unit, null, where);
        }
        return new Metric(group, name, raw, null, Metric.Unit.TEXT, raw, where);
    }

    private Anchors anchors(Integer declared, List<String> related) {
        List<Anchor> anchors = new ArrayList<>();
        List<String> cips = new ArrayList<>();
        String heading = null;
        AnchorKind kind = null;
        PageLine headingLine = null;
        PageLine listLine = null;
        PageLine firstLine = null;
        boolean tasksNumberedAsRead = true;
        while (i < lines.size() && !FOOTER.matcher(lines.get(i).text().strip()).matches()) {
            PageLine line = lines.get(i++);
            String t = line.text().strip();
            if (isChrome(t)) {
                continue;
            }
            AnchorKind k = anchorHeading(t);
            if (k != null || t.equals(RELATED) || t.equals(CIP_HEADING)) {
                int at = headingOrder(k, t);
                if (heading != null && firstLine != null && at > headingOrder(kind, heading) + 1
                        && (kind == AnchorKind.APPRENTICESHIP || kind == AnchorKind.TASK)) {
                    // a list of one item a line: the lines under the heading before the gap may be the list of the
                    // heading that is missing (a list of one line is refused at its second line, below)
                    String missing = HEADING_ORDER.get(headingOrder(kind, heading) + 1);
                    throw new SourceException(file, "line " + line.number(), "no heading '" + missing + "' between '"
                            + heading + "' (line " + headingLine.number() + ") and '" + abbreviate(t)
                            + "': the lines under '" + heading + "' (from line " + firstLine.number() + ") may be its "
                            + "list (the heading missing or misspelt?)");
                }
                heading = t;
                kind = k;
                headingLine = line;
                listLine = null;
                firstLine = null;
                continue;
            }
            if (firstLine == null) {
                firstLine = line;
            }
            if (kind != null && GLUED_LISTS.contains(kind) || kind == null && RELATED.equals(heading)) {
                if (listLine != null) {
                    // the next list's heading is missing: its labels would be filed under this heading
                    throw new SourceException(file, "line " + line.number(), "a second list under the anchor heading '"
                            + heading + "' (line " + headingLine.number() + ", its list at line " + listLine.number()
                            + "): '" + abbreviate(t) + "'; each of these headings has its labels on one line (the "
                            + "heading of this list missing or misspelt?)");
                }
                listLine = line;
            }
            String where = "line " + line.number();
            if (RELATED.equals(heading)) {
                for (String title : t.split("\\s*\u00b7\\s*")) {
                    if (!title.isBlank()) {
                        related.add(title.strip());
                    }
                }
            } else if (CIP_HEADING.equals(heading)) {
                cips.addAll(cipCodes(line, where));
            } else if (kind == AnchorKind.TASK && EMPTY_ITEM.matcher(line.text()).matches()) {
                unrecognised(line); // a number with no task: not a task labelled "1.", and not dropped
            } else if (kind == AnchorKind.TASK) {
                Matcher m = ITEM.matcher(line.text());
                String task = m.matches() ? m.group(2).strip() : t;
                int position = count(anchors, kind) + 1;
                if (tasksNumberedAsRead && m.matches() && Integer.parseInt(m.group(1)) != position) {
                    // a task's place is the order the page lists them in; a number that says otherwise (one
                    // skipped, repeated or out of order) is noted once, at the first, rather than followed
                    tasksNumberedAsRead = false;
                    flags.add(new Flag("task-number-mismatch", "task numbered " + m.group(1) + " is task " + position
                            + " of the list as read; the tasks are kept in the order the page lists them", where));
                }
                anchors.add(new Anchor(kind, task, position));
            } else if (kind != null) {
                for (String label : gluedList(line)) {
                    anchors.add(new Anchor(kind, label, count(anchors, kind) + 1));
                }
            } else {
                unrecognised(line);
            }
        }
        int counted = anchors.size();
        if (declared != null && declared != counted) {
            flags.add(new Flag("anchor-count-mismatch", "the page declares " + declared + " anchors but "
                    + counted + " were read", "section O*NET anchors"));
        }
        return new Anchors(declared, anchors, cips);
    }

    /** The headings of the anchors section, in the order a page gives them (each one, an empty list too). */
    private static final List<String> HEADING_ORDER = List.of(RELATED, AnchorKind.APPRENTICESHIP.heading(),
            AnchorKind.SKILL.heading(), AnchorKind.KNOWLEDGE.heading(), AnchorKind.ABILITY.heading(),
            AnchorKind.WORK_STYLE.heading(), AnchorKind.TECHNOLOGY.heading(), "Tasks \u00b7 seed anchors for statements",
            CIP_HEADING);

    private static int headingOrder(AnchorKind kind, String heading) {
        if (kind == null) {
            return HEADING_ORDER.indexOf(heading);
        }
        return switch (kind) {
            case APPRENTICESHIP -> 1;
            case SKILL -> 2;
            case KNOWLEDGE -> 3;
            case ABILITY -> 4;
            case WORK_STYLE -> 5;
            case TECHNOLOGY -> 6;
            case TASK -> 7;
        };
    }

    /** The anchor lists a page renders as one line of glued labels, one line under each heading (the related titles
     *  are one line too). */
    private static final java.util.Set<AnchorKind> GLUED_LISTS = java.util.EnumSet.of(AnchorKind.SKILL,
            AnchorKind.KNOWLEDGE, AnchorKind.ABILITY, AnchorKind.WORK_STYLE, AnchorKind.TECHNOLOGY);

    private static int count(List<Anchor> anchors, AnchorKind kind) {
        return (int) anchors.stream().filter(a -> a.kind() == kind).count();
    }

    private List<String> gluedList(PageLine line) {
        String t = line.text();
        List<String> out = new ArrayList<>();
        List<Integer> cuts = new ArrayList<>();
        if (line.hasBoundaries()) {
            for (int b : line.boundaries()) {
                cuts.add(b);
            }
        } else {
            for (int g = 1; g < t.length(); g++) {
                char prev = t.charAt(g - 1);
                if (Character.isUpperCase(t.charAt(g)) && (Character.isLowerCase(prev) || prev == ')')) {
                    cuts.add(g);
                }
            }
        }
        int from = 0;
        for (int c : cuts) {
            out.add(t.substring(from, c).strip());
            from = c;
        }
        out.add(t.substring(from).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    private List<String> cipCodes(PageLine line, String where) {
        String t = line.text().replaceAll("\\s+", "");
        List<String> out = new ArrayList<>();
        Matcher m = CIP.matcher(t);
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            out.add(m.group());
            at = m.end();
        }
        if (at != t.length()) {
            // the rest is not a CIP code, so it does not become one: this note keeps it for review
            flags.add(new Flag("cip-unrecognised", "could not split CIP codes '" + line.text().strip()
                    + "' into NN.NNNN codes; kept " + out + ", not the rest '" + t.substring(at) + "'", where));
        }
        return out;
    }

    /** Footer: "Sources: A, B (x), C. © 2026 Publisher." → sources credited, returns the attribution. */
    private String footer(String text, String where, String[] onet) {
        String attribution = null;
        String list = text.strip();
        int copy = list.indexOf('\u00a9');
        if (copy >= 0) {
            attribution = list.substring(copy).strip().replaceAll("\\.$", "");
            list = list.substring(0, copy).strip();
        }
        list = list.replaceAll("\\.$", "");
        for (String entry : splitTopLevel(list)) {
            Matcher om = ONET_CREDIT.matcher(entry);
            if (om.matches()) {
                onet[0] = om.group(1);
                onet[1] = om.group(2);
                Source s = Sources.onet(onet[0]);
                sources.putIfAbsent(s.key(), s);
                continue;
            }
            String name = entry.replaceAll("\\s*\\(.*\\)$", "").strip();
            String inner = entry.contains("(") ? entry.substring(entry.indexOf('(') + 1).replaceAll("\\)$", "") : "";
            Source match = sources.values().stream().filter(s -> name.equals(s.label()) || name.equals(s.title())
                    || inner.equals(s.label())).findFirst().orElse(null);
            if (match == null) {
                Source s = Sources.credited(name);
                sources.putIfAbsent(s.key(), s);
            }
        }
        return attribution;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int k = 0; k < list.length(); k++) {
            char c = list.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(list.substring(from, k).strip());
                from = k + 1;
            }
        }
        out.add(list.substring(from).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    // ---- structure ------------------------------------------------------------------------------------

    /**
     * Level blocks of one scale from the cursor on: "Emerging" [role label] then numbered items. A line among the
     * items that is not one ("10) text", or a stray line followed by more items) is flagged, with its text, and
     * the items after it are still read. A level that repeats one of {@code section} (named in the message) refuses
     * the page naming both headings: merged, or read as two, it would give one level two sets of statements.
     */
    private List<LevelBlock> levels(List<String> scale, boolean roles, String section) {
        List<LevelBlock> blocks = new ArrayList<>();
        while (i < lines.size()) {
            PageLine heading = lines.get(i);
            String label = heading.text().strip();
            if (!scale.contains(Scales.key(label))) {
                // a stray line between two levels of the list: the next is a higher level of the same scale
                if (!blocks.isEmpty() && !isChrome(label) && !isSectionHeading(label) && i + 1 < lines.size()
                        && Scales.rank(scale, Scales.key(lines.get(i + 1).text()))
                            > Scales.rank(scale, Scales.key(blocks.get(blocks.size() - 1).label()))) {
                    unrecognised(lines.get(i++));
                    continue;
                }
                break;
            }
            for (LevelBlock b : blocks) {
                if (Scales.key(b.label()).equals(Scales.key(label))) {
                    throw new SourceException(file, "line " + heading.number(), "the level '" + label + "' repeats the "
                            + "level '" + b.label() + "' of line " + b.heading().number() + " in " + section
                            + ": a page lists each level of a framework once (the level duplicated, or another "
                            + "level's name miswritten?)" + statementsUnder(b, i));
                }
            }
            i++;
            String role = null;
            if (roles && i < lines.size() && !ITEM_LIKE.matcher(lines.get(i).text()).matches()
                    && !scale.contains(Scales.key(lines.get(i).text()))) {
                role = lines.get(i).text().strip();
                i++;
            }
            List<Item> items = new ArrayList<>();
            while (i < lines.size()) {
                PageLine line = lines.get(i);
                Matcher m = ITEM.matcher(line.text());
                if (m.matches()) {
                    int number = Integer.parseInt(m.group(1));
                    for (Item earlier : items) {
                        if (earlier.number() == number) {
                            // a statement's number names it (its URI, its list position): two would be one
                            throw new SourceException(file, "line " + line.number(), "statement " + number
                                    + " of the level '" + label + "' in " + section + " repeats the number of line "
                                    + earlier.line().number() + ": each statement of a level has a number of its own "
                                    + "(the list renumbered by hand, or a statement pasted twice?)");
                        }
                    }
                    items.add(new Item(line, number, m.group(2), m.start(2)));
                } else if ((ITEM_LIKE.matcher(line.text()).matches() && !DOMAIN.matcher(line.text().strip()).matches())
                        || (i + 1 < lines.size() && !scale.contains(Scales.key(line.text()))
                            && !DOMAIN.matcher(line.text().strip()).matches() && isItem(lines.get(i + 1)))) {
                    Matcher next = i + 1 < lines.size() ? ITEM.matcher(lines.get(i + 1).text()) : null;
                    if (next != null && next.matches() && Integer.parseInt(next.group(1)) == 1 && !items.isEmpty()) {
                        // a new list begins after it: the line is a level or heading the reader cannot read
                        throw new SourceException(file, "line " + line.number(), "'" + abbreviate(line.text().strip())
                                + "' before a new list of statements (line " + lines.get(i + 1).number()
                                + ") is not a level of the scale " + scale + " nor a heading the reader knows "
                                + "(a level's name misspelt?)");
                    }
                    if (!isChrome(line.text())) {
                        unrecognised(line);
                    }
                } else {
                    break;
                }
                i++;
            }
            blocks.add(new LevelBlock(label, role, items, heading));
        }
        return blocks;
    }

    /**
     * Consumes the lines before a section's first level or domain heading, up to one that {@code stop} accepts, and
     * returns the section's description, or null. A description is one paragraph, which the page renders as one line
     * (the seed's two are each one line, a {@code <p>} of the HTML page): the only line there when there is one, else
     * the only one of them that reads as a paragraph ({@link #isParagraph}). Every other line there is flagged with its
     * text, never glued to the description; when none or several of them read as a paragraph the reader cannot tell
     * which is the description, and the page is refused naming them. A numbered statement, a level or a domain
     * heading there means that the reader lost the structure before it, and the page is refused naming the lines.
     */
    private String description(java.util.function.Predicate<String> stop, String what, String body) {
        searchedFrom = i;
        skipped = false;
        List<PageLine> candidates = new ArrayList<>();
        while (i < lines.size() && !stop.test(lines.get(i).text().strip())) {
            requireProse(lines.get(i), what, true);
            if (!isChrome(lines.get(i).text())) {
                candidates.add(lines.get(i));
            }
            i++;
        }
        if (candidates.size() <= 1) {
            return candidates.isEmpty() ? null : candidates.get(0).text().strip();
        }
        List<PageLine> paragraphs = candidates.stream().filter(l -> isParagraph(l.text().strip())).toList();
        if (paragraphs.size() != 1) {
            List<PageLine> named = paragraphs.isEmpty() ? candidates : paragraphs;
            StringBuilder list = new StringBuilder();
            for (int k = 0; k < Math.min(named.size(), 3); k++) {
                list.append(k == 0 ? "" : ", ").append("line ").append(named.get(k).number()).append(" '")
                        .append(abbreviate(named.get(k).text().strip())).append("'");
            }
            if (named.size() > 3) {
                list.append(" and ").append(named.size() - 3).append(" more");
            }
            throw new SourceException(file, "line " + candidates.get(0).number(), "cannot tell " + what + " (one "
                    + "paragraph: one line of prose ending with a full stop) from the other lines before " + body + ": "
                    + (paragraphs.isEmpty() ? "none of the " + candidates.size() + " lines there reads as one ("
                    : paragraphs.size() + " lines there read as one (") + list + ")");
        }
        PageLine description = paragraphs.get(0);
        for (PageLine l : candidates) {
            if (l != description) {
                unrecognised(l);
            }
        }
        return description.text().strip();
    }

    /**
     * Moves to the line {@code stop} accepts, the next section's heading: nothing but page furniture is expected
     * before it, so any other line is flagged with its text (never dropped), and a structural one refuses the page.
     */
    private void skipTo(java.util.function.Predicate<String> stop, String what) {
        searchedFrom = i;
        skipped = false;
        while (i < lines.size() && !stop.test(lines.get(i).text().strip()) && !isSectionHeading(lines.get(i).text())) {
            requireProse(lines.get(i), "nothing but " + what, false);
            if (!isChrome(lines.get(i).text())) {
                unrecognised(lines.get(i));
                skipped = true;
            }
            i++;
        }
    }

    /**
     * Refuses a level or a domain heading where {@code what} was expected, and also a numbered statement ("N. text")
     * when {@code items} (between sections, a numbered line is flagged like any other: it is not part of a list
     * there). A description may begin with a number ("10 domains…"): only the form of a statement counts.
     */
    private void requireProse(PageLine line, String what, boolean items) {
        String t = line.text().strip();
        String found = items && isItem(line) ? "a numbered statement"
                : Scales.OCCUPATIONAL.contains(Scales.key(t)) || Scales.DURABLE.contains(Scales.key(t)) ? "a level"
                : DOMAIN.matcher(t).matches() ? "a durable-skill domain heading" : null;
        if (found == null) {
            return;
        }
        StringBuilder before = new StringBuilder();
        for (int k = Math.max(searchedFrom, i - 2); k < i; k++) {
            before.append(before.length() == 0 ? "" : ", ").append("line ").append(lines.get(k).number())
                    .append(" '").append(abbreviate(lines.get(k).text().strip())).append("'");
        }
        throw new SourceException(file, "line " + line.number(), found + " ('" + abbreviate(t) + "') where " + what
                + " was expected" + (before.length() == 0 ? "" : " (the lines before it: " + before + ")")
                + ": the reader lost the page's structure before it (a level's name or a heading misspelt, or a "
                + "statement not in the form 'N. text'?)");
    }

    private void require(boolean present, String section, String expected) {
        if (present) {
            return;
        }
        if (i < lines.size() && skipped) {
            // lines that belong to no section were passed over looking for it: its heading is missing, and the
            // place to name is where it should have started
            throw new SourceException(file, "after line " + lines.get(searchedFrom - 1).number(), "missing section '"
                    + section + "': expected " + expected + ", found lines that belong to no section up to line "
                    + lines.get(i).number() + " ('" + abbreviate(lines.get(i).text().strip()) + "')");
        }
        if (i < lines.size()) {
            throw new SourceException(file, "line " + lines.get(i).number(), "missing section '" + section
                    + "': expected " + expected + ", found '" + abbreviate(lines.get(i).text().strip()) + "'");
        }
        // the search for the section ran to the end: name where it should have started
        String where = searchedFrom > 0 && searchedFrom <= lines.size()
                ? "after line " + lines.get(searchedFrom - 1).number() : "end of file";
        throw new SourceException(file, where, "missing section '" + section + "': expected " + expected
                + ", but none follows to the end of the page (a section left out, or the page truncated?)");
    }

    private int indexOf(Pattern p) {
        for (int k = 0; k < lines.size(); k++) {
            if (p.matcher(lines.get(k).text().strip()).matches()) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Flags a line the reader does not recognise, keeping its text. What a page's unrecognised lines keep is held to
     * the limit of any text the importer keeps ({@link SourceReader#MAX_TEXT_CHARS}): past it the page is refused at
     * the line that runs over, rather than stored with thousands of notes (or, before, a description of megabytes).
     */
    private void unrecognised(PageLine line) {
        String t = line.text().strip();
        if (firstUnrecognised == null) {
            firstUnrecognised = line;
        }
        unrecognisedChars += t.length();
        unrecognisedLines++;
        if (unrecognisedChars > SourceReader.MAX_TEXT_CHARS) {
            throw new SourceException(file, "line " + line.number(), "the lines of this page that belong to no section "
                    + "or list (" + unrecognisedLines + " from line " + firstUnrecognised.number() + " '"
                    + abbreviate(firstUnrecognised.text().strip()) + "' to this one) run past "
                    + SourceReader.MAX_TEXT_CHARS + " characters, the most text the importer keeps of one field; "
                    + "they would each be kept as a note for review, and a framework page has a few such lines at most");
        }
        flags.add(new Flag("unrecognised-line", "line not recognised, kept here: '" + t + "'", "line " + line.number()));
    }

    /**
     * For an HTML page, whose line numbers are those of its rendering, the statements that follow two level headings,
     * to find them by in its source; nothing for the text rendering, whose line numbers say it all.
     */
    private String statementsUnder(LevelBlock earlier, int later) {
        if (!html) {
            return "";
        }
        String first = earlier.items().isEmpty() ? null : earlier.items().get(0).text();
        String second = null;
        for (int k = later + 1; k < Math.min(lines.size(), later + 3) && second == null; k++) {
            Matcher m = ITEM.matcher(lines.get(k).text());
            second = m.matches() ? m.group(2) : null;
        }
        return first == null || second == null ? "" : " (lines of the page as rendered; in its HTML, the level headings "
                + "before the statements '" + abbreviate(first.strip()) + "' and '" + abbreviate(second.strip()) + "')";
    }

    private static boolean isItem(PageLine line) {
        return ITEM.matcher(line.text()).matches();
    }

    /** A line of prose that reads as a section's description: a sentence or more, ending with a full stop. */
    private static boolean isParagraph(String t) {
        return t.length() > 60 && t.endsWith(".");
    }

    private static boolean isEvidenceHeader(String line) {
        return "evidence pack".equals(line.strip().toLowerCase(Locale.ROOT));
    }

    /** The heading of the O*NET anchors or the sources footer: a description runs no further. */
    private static boolean isLaterHeading(String line) {
        return ANCHORS.matcher(line).find() || FOOTER.matcher(line.strip()).matches();
    }

    /** The heading of a section after the frameworks' levels: no search for a section passes one. */
    private static boolean isSectionHeading(String line) {
        return isEvidenceHeader(line) || DOMAIN.matcher(line.strip()).matches() || isLaterHeading(line);
    }

    private static boolean isChrome(String line) {
        String t = line.strip();
        return CHROME.stream().anyMatch(p -> p.matcher(t).matches());
    }

    private static AnchorKind anchorHeading(String t) {
        for (AnchorKind k : AnchorKind.values()) {
            if (t.equals(k.heading()) || (k == AnchorKind.TASK && t.startsWith("Tasks"))) {
                return k;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A count the page announces (digits), refused naming its line when no int holds it. */
    private int count(String digits, PageLine line, String what) {
        String d = digits.replaceFirst("^0+(?=\\d)", "");
        if (d.length() > 9) {
            throw new SourceException(file, "line " + line.number(), "the " + what + " '" + abbreviate(digits)
                    + "' is too large to be a count (at most 999,999,999): '" + abbreviate(line.text().strip()) + "'");
        }
        return Integer.parseInt(d);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}
