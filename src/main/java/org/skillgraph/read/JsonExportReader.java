package org.skillgraph.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skillgraph.model.Flag;
import org.skillgraph.model.Framework;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.Level;
import org.skillgraph.model.Occupation;
import org.skillgraph.model.Provenance;
import org.skillgraph.model.Source;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.SourceFormat;
import org.skillgraph.model.Statement;

/**
 * Reads a JSON framework export (the shape of {@code seeds/29-2099.00.json}): one JSON object, nothing after it.
 * A missing required field, or one of a type that cannot be read, is an error naming its JSON pointer. A value
 * of another type that reads unambiguously ({@code "jobZone": "3"}, a number as a label) is read and flagged
 * ({@code type-mismatch}); a field the reader does not read is kept in a flag with its JSON value
 * ({@code field-unknown}). The fields it knows are the ones it reads: every field is looked up through
 * {@link #field}, and every level and statement iterated over is recorded as it is read, so whatever the
 * document holds beyond them is unknown, with no list of known fields to keep in step. One reader reads one file.
 */
final class JsonExportReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            // a number kept as text keeps its digits: 26.050 stays "26.050", not the double 26.05
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    /** A field's JSON value is kept in its note up to this many characters. */
    static final int MAX_NOTE_VALUE_CHARS = 1_000;
    /** An integer written as a string: "3". */
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    /** "v30.2 (CC BY 4.0)": a version (digits and dots, with or without its 'v'), then the licence in brackets. */
    /** The export schema versions read as the seeds' 1.0: 1, 1.0, 1.1, … (a field a later 1.x adds is flagged unread). */
    private static final Pattern SCHEMA_VERSION = Pattern.compile("1(\\.\\d+)*");
    private static final Pattern ONET = Pattern.compile("^\\s*([vV]?\\d+(?:\\.\\d+)*)\\s*(?:\\((.*)\\))?\\s*$");
    /** O*NET-SOC code: it names the occupation's URI and graph, so a malformed one is refused here. */
    private static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");
    /** Framework version, as in "v.26.05": part of URIs, and left out of CTIDs by that shape. */
    private static final Pattern VERSION = Pattern.compile("v\\.\\d+(?:\\.\\d+)*");

    private final Path file;
    /** The JSON pointer of every value the reader looked up, present or not. */
    private final Set<String> looked = new HashSet<>();
    /** The document's flags, in the order found. */
    private final List<Flag> flags = new ArrayList<>();
    /** Each number of the document as written ({@code 6.2e1}, {@code -0.0}), by JSON pointer. */
    private final java.util.Map<String, String> numbersAsWritten = new java.util.HashMap<>();

    JsonExportReader(Path file) {
        this.file = file;
    }

    SourceDocument read(String content, String sha256) {
        looked.clear();
        flags.clear();
        JsonNode root = parse(content);
        if (root == null || !root.isObject()) {
            throw new SourceException(file, "/", "a framework export must be a JSON object");
        }
        refuseForbiddenCharacters(root, "");
        JsonNode occ = object(root, "/occupation");
        String soc = text(occ, "/occupation/soc", true);
        if (!SOC.matcher(soc).matches()) {
            throw new SourceException(file, "/occupation/soc", "'soc' must be an O*NET-SOC code NN-NNNN.NN, found '"
                    + abbreviate(soc) + "'");
        }
        Occupation occupation = new Occupation(
                soc,
                text(occ, "/occupation/title", true),
                text(occ, "/occupation/group", false),
                text(occ, "/occupation/sector", false),
                integer(occ, "/occupation/jobZone"),
                null,
                bool(occ, "/occupation/jobZoneInferred"),
                List.of());

        JsonNode fw = object(root, "/framework");
        String version = text(fw, "/framework/version", true);
        if (!VERSION.matcher(version).matches()) {
            throw new SourceException(file, "/framework/version", "'version' must look like 'v.26.05', found '"
                    + abbreviate(version) + "'");
        }
        JsonNode levelsNode = object(fw, "/framework/levels");
        List<Level> levels = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = levelsNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String ptr = "/framework/levels/" + pointerEscape(key);
            looked.add(ptr);
            Scales.requireLevel(Scales.OCCUPATIONAL, key, () -> new SourceException(file, ptr,
                    "unknown level key '" + key + "'; expected one of " + Scales.OCCUPATIONAL));
            JsonNode level = requireObject(e.getValue(), ptr);
            String label = text(level, ptr + "/label", true);
            String labelled = Scales.key(label);
            if (!labelled.equals(key) && Scales.OCCUPATIONAL.contains(labelled)) {
                flags.add(new Flag("level-label-mismatch", "the level '" + key + "' is labelled '" + label
                        + "', the name of the level '" + labelled + "' of the scale; kept as the level '" + key
                        + "' (its rank) with its label as written", ptr + "/label"));
            }
            levels.add(new Level(key, label, null, Scales.rank(Scales.OCCUPATIONAL, key)));
            JsonNode list = field(level, ptr + "/statements");
            if (list == null || !list.isArray()) {
                throw new SourceException(file, ptr + "/statements", list == null
                        ? "missing required field 'statements'" : "'statements' must be an array of strings");
            }
            if (list.isEmpty()) {
                throw new SourceException(file, ptr + "/statements", "a level with no statements");
            }
            for (int i = 0; i < list.size(); i++) {
                String sp = ptr + "/statements/" + i;
                looked.add(sp);
                JsonNode s = list.get(i);
                if (!s.isTextual()) {
                    throw new SourceException(file, sp, "a statement must be a string, found " + kind(s));
                }
                statements.add(statement(key, i + 1, s.asText(), sp));
            }
        }
        levels.sort(java.util.Comparator.comparingInt(Level::rank));
        Framework framework = new Framework(FrameworkKind.OCCUPATIONAL, version,
                text(fw, "/framework/description", false), text(fw, "/framework/contextCovered", false),
                levels, List.of(), Repeats.flagged(statements));

        String onet = null;
        String onetVersion = null;
        String onetLicense = null;
        String crosswalk = null;
        String generator = null;
        List<Source> sources = new ArrayList<>();
        JsonNode src = field(root, "/sources");
        if (src != null && !src.isNull()) {
            requireObject(src, "/sources");
            onet = text(src, "/sources/onet", false);
            crosswalk = text(src, "/sources/crosswalk", false);
            crosswalk = crosswalk == null || crosswalk.isBlank() ? null : crosswalk.strip();
            generator = text(src, "/sources/generator", false);
        }
        if (onet != null) {
            Matcher m = ONET.matcher(onet);
            if (m.matches()) {
                onetVersion = m.group(1);
                onetLicense = m.group(2);
            } else if (!Characters.isBlank(onet)) {
                // neither version nor licence can be told apart: the value is kept whole, for review
                flags.add(new Flag("onet-unrecognised", "could not read an O*NET version and licence (written as "
                        + "'v30.2 (CC BY 4.0)') from '" + onet + "'; kept here", "/sources/onet"));
            }
            sources.add(Sources.onet(onetVersion));
        }
        if (crosswalk != null && !crosswalk.isBlank()) {
            sources.add(Sources.credited(Sources.hostName(crosswalk)));
        }
        if (generator != null && !generator.isBlank()) {
            sources.add(Sources.credited(generator));
        }
        String schemaVersion = text(root, "/schemaVersion", false);
        if (schemaVersion != null && !Characters.isBlank(schemaVersion)
                && !SCHEMA_VERSION.matcher(schemaVersion.strip()).matches()) {
            // another version of the export's schema may mean what this reader reads otherwise: read as 1.x, and said
            flags.add(new Flag("schema-version-unknown", "the export says schema version '" + schemaVersion
                    + "'; this importer reads version 1 (1.0, 1.1, …), and read it as that", "/schemaVersion"));
        }
        Provenance provenance = new Provenance(file.getFileName().toString(), sha256, SourceFormat.JSON_EXPORT,
                generator, schemaVersion, text(root, "/exportedAt", false), onetVersion,
                onetLicense, text(root, "/attribution", false), crosswalk);
        unknownFields(root, "");
        return new SourceDocument(provenance, occupation, List.of(framework), null, null, sources, flags);
    }

    /** The document's one JSON value; content after it (a second document, or any text) is refused. */
    private JsonNode parse(String content) {
        try (JsonParser p = MAPPER.createParser(content)) {
            JsonNode root;
            try {
                root = MAPPER.readTree(p);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // a limit of the parser's (nesting depth, a number's length): its message names the setting, not
                // the place; the place is where the parser stopped
                JsonLocation loc = p.currentLocation();
                throw new SourceException(file, "line " + loc.getLineNr() + ", column " + loc.getColumnNr(),
                        "not read as JSON: " + e.getOriginalMessage().replaceAll(", from `[^`]*`\\)", ")"));
            }
            int end = (int) p.currentLocation().getCharOffset();
            boolean more;
            try {
                more = p.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true; // text that is not even a JSON token
            }
            if (more) {
                int at = end;
                while (at < content.length() && " \t\r\n".indexOf(content.charAt(at)) >= 0) {
                    at++;
                }
                String rest = content.substring(at).lines().findFirst().orElse("").strip();
                throw new SourceException(file, lineAndColumn(content, at), "not valid JSON: content after the end "
                        + "of the document's JSON value (an export is one JSON object): '" + abbreviate(rest) + "'");
            }
            numbersAsWritten(content);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            // Jackson names its own switches ("Feature 'ALLOW_COMMENTS' not enabled"): a publisher needs the rule
            String why = e.getOriginalMessage().contains("maybe a (non-standard) comment")
                    ? "a comment ('//' or '/*'), which JSON does not allow: an export is plain JSON"
                    : e.getOriginalMessage();
            throw new SourceException(file, where, "not valid JSON: " + why);
        } catch (IOException e) {
            throw new SourceException(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** "line 3, column 2" of a character offset, counted as Jackson counts them (CR LF is one line break). */
    private static String lineAndColumn(String content, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < offset; k++) {
            char c = content.charAt(k);
            if (c == '\n' || c == '\r' && (k + 1 >= content.length() || content.charAt(k + 1) != '\n')) {
                line++;
                lineStart = k + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }

    /** Every name and string of the document checked for characters it may not hold ({@link Characters}). */
    private void refuseForbiddenCharacters(JsonNode node, String pointer) {
        if (node.isTextual()) {
            refuseForbidden(node.textValue(), pointer, "the value");
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = pointer + "/" + pointerEscape(e.getKey());
                refuseForbidden(e.getKey(), at, "the field name");
                refuseForbiddenCharacters(e.getValue(), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseForbiddenCharacters(node.get(i), pointer + "/" + i);
            }
        }
    }

    private void refuseForbidden(String s, String pointer, String what) {
        int bad = Characters.firstForbidden(s);
        if (bad >= 0) {
            throw new SourceException(file, pointer, Characters.describe(s, bad) + " at character " + (bad + 1)
                    + " of " + what + " '" + abbreviate(Characters.escaped(s)) + "'; a document may not hold it");
        }
    }

    /**
     * Flags every field under {@code node} that the reader never looked up, with its JSON value, so that nothing
     * of the document is dropped unseen; a field that was looked up is descended into.
     */
    private void unknownFields(JsonNode node, String pointer) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                unknownField(e.getValue(), pointer + "/" + pointerEscape(e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unknownField(node.get(i), pointer + "/" + i);
            }
        }
    }

    private void unknownField(JsonNode value, String pointer) {
        if (looked.contains(pointer)) {
            unknownFields(value, pointer);
        } else {
            flags.add(new Flag("field-unknown", "a field the importer does not read, kept here as written: "
                    + json(value), pointer));
        }
    }

    /** A value as JSON, cut after {@link #MAX_NOTE_VALUE_CHARS} characters saying how long it is. */
    private static String json(JsonNode value) {
        String s = value.toString();
        if (s.length() <= MAX_NOTE_VALUE_CHARS) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(MAX_NOTE_VALUE_CHARS - 1)) ? MAX_NOTE_VALUE_CHARS - 1
                : MAX_NOTE_VALUE_CHARS;
        return s.substring(0, cut) + "\u2026 (" + s.length() + " characters in all)";
    }

    /**
     * Records the text of every number of the (valid) document: the tree holds a number as its value, which
     * writes {@code 6.2e1} as 62 and {@code 1e2} as 1E+2, and a number read as text is kept as written.
     */
    private void numbersAsWritten(String content) throws IOException {
        try (JsonParser p = MAPPER.createParser(content)) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isNumeric()) {
                    numbersAsWritten.put(p.getParsingContext().pathAsPointer().toString(), p.getText());
                }
            }
        }
    }

    /** The text of a value read as text: a number as written in the document. */
    private String text(JsonNode n, String pointer) {
        return n.isNumber() ? numbersAsWritten.getOrDefault(pointer, n.asText()) : n.asText();
    }

    /** Notes a value of another JSON type than expected that was read all the same. */
    private void mismatch(String pointer, String expected, JsonNode found, String readAs) {
        String value = found.isNumber() ? text(found, pointer) : json(found);
        flags.add(new Flag("type-mismatch", "expected " + expected + ", found " + kind(found) + " " + value
                + "; " + readAs, pointer));
    }

    /** The value of the field at {@code pointer} of {@code parent}, or {@code null}; every field is looked up here. */
    private JsonNode field(JsonNode parent, String pointer) {
        looked.add(pointer);
        return parent.get(last(pointer));
    }

    private Statement statement(String levelKey, int position, String text, String pointer) {
        if (Characters.isBlank(text)) {
            throw new SourceException(file, pointer, "empty statement");
        }
        requireLength(text, pointer);
        String t = text.strip();
        DashSplit split = DashSplit.of(t, pointer);
        if (split == null) {
            Flag flag = new Flag("topic-split-missing",
                    "no ' \u2014 ' between topic and description; kept the whole text as the statement's text, with no topic", pointer);
            return new Statement(levelKey, null, position, t, t, null, List.of(), List.of(flag), pointer);
        }
        return new Statement(levelKey, null, position, t, split.topic(), split.description(), List.of(), split.flags(),
                pointer);
    }

    private JsonNode object(JsonNode parent, String pointer) {
        return requireObject(field(parent, pointer), pointer);
    }

    private JsonNode requireObject(JsonNode n, String pointer) {
        if (n == null || n.isNull()) {
            throw new SourceException(file, pointer, "missing required field '" + last(pointer) + "'");
        }
        if (!n.isObject()) {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must be an object, found " + kind(n));
        }
        return n;
    }

    private String text(JsonNode parent, String pointer, boolean required) {
        JsonNode n = field(parent, pointer);
        if (n == null || n.isNull()) {
            if (required) {
                throw new SourceException(file, pointer, "missing required field '" + last(pointer) + "'");
            }
            return null;
        }
        if (!n.isValueNode() || n.isBoolean()) {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must be a string, found " + kind(n));
        }
        String s = text(n, pointer);
        requireLength(s, pointer);
        if (required && Characters.isBlank(s)) {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must not be empty");
        }
        if (!n.isTextual()) {
            mismatch(pointer, "a string", n, "kept as the text '" + s + "'");
        }
        return s;
    }

    /** An integer; one written as a string of digits, or as a number with a fraction of zero, is read and flagged. */
    private Integer integer(JsonNode parent, String pointer) {
        JsonNode n = field(parent, pointer);
        if (n == null || n.isNull()) {
            return null;
        }
        boolean integral = n.isNumber() && n.canConvertToExactIntegral();
        if (integral && n.canConvertToInt() && n.isIntegralNumber()) {
            return n.intValue();
        }
        Integer read;
        if (integral && n.canConvertToInt()) {
            read = n.intValue(); // 3.0
        } else if (n.isTextual() && DIGITS.matcher(n.textValue()).matches()) {
            read = Integer.valueOf(n.textValue()); // "3"
        } else {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must be an integer, found "
                    + kind(n) + " " + json(n) + (integral ? " (out of range)" : ""));
        }
        mismatch(pointer, "an integer", n, "read as " + read);
        return read;
    }

    /** True or false; the string "true" or "false" is read and flagged. */
    private Boolean bool(JsonNode parent, String pointer) {
        JsonNode n = field(parent, pointer);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (!n.isTextual() || !n.textValue().equals("true") && !n.textValue().equals("false")) {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must be true or false, found " + json(n));
        }
        mismatch(pointer, "true or false", n, "read as " + n.textValue());
        return Boolean.valueOf(n.textValue());
    }

    private void requireLength(String s, String pointer) {
        if (s.length() > SourceReader.MAX_TEXT_CHARS) {
            throw new SourceException(file, pointer, "text of " + s.length() + " characters; no statement or field "
                    + "is longer than " + SourceReader.MAX_TEXT_CHARS + " characters");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "\u2026" : s;
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String last(String pointer) {
        String s = pointer.substring(pointer.lastIndexOf('/') + 1);
        return s.replace("~1", "/").replace("~0", "~");
    }

    private static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
