package org.skillgraph.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * Reads a JSON framework export (the shape of {@code seeds/29-2099.00.json}).
 * Unknown fields are ignored; a missing or mistyped required field is an error naming its JSON pointer.
 */
final class JsonExportReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    /** "v30.2 (CC BY 4.0)": O*NET version, then its licence in parentheses. */
    private static final Pattern ONET = Pattern.compile("^\\s*(\\S+)\\s*(?:\\((.*)\\))?\\s*$");
    /** O*NET-SOC code: it names the occupation's URI and graph, so a malformed one is refused here. */
    private static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");
    /** Framework version, as in "v.26.05": part of URIs, and left out of CTIDs by that shape. */
    private static final Pattern VERSION = Pattern.compile("v\\.\\d+(?:\\.\\d+)*");

    private final Path file;

    JsonExportReader(Path file) {
        this.file = file;
    }

    SourceDocument read(String content, String sha256) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new SourceException(file, where, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SourceException(file, "/", "a framework export must be a JSON object");
        }
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
            Scales.requireLevel(Scales.OCCUPATIONAL, key, () -> new SourceException(file, ptr,
                    "unknown level key '" + key + "'; expected one of " + Scales.OCCUPATIONAL));
            JsonNode level = requireObject(e.getValue(), ptr);
            String label = text(level, ptr + "/label", true);
            levels.add(new Level(key, label, null, Scales.rank(Scales.OCCUPATIONAL, key)));
            JsonNode list = level.get("statements");
            if (list == null || !list.isArray()) {
                throw new SourceException(file, ptr + "/statements", list == null
                        ? "missing required field 'statements'" : "'statements' must be an array of strings");
            }
            if (list.isEmpty()) {
                throw new SourceException(file, ptr + "/statements", "a level with no statements");
            }
            for (int i = 0; i < list.size(); i++) {
                String sp = ptr + "/statements/" + i;
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
                levels, List.of(), statements);

        String onet = null;
        String onetVersion = null;
        String onetLicense = null;
        String crosswalk = null;
        String generator = null;
        List<Source> sources = new ArrayList<>();
        JsonNode src = root.get("sources");
        if (src != null && src.isObject()) {
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
            }
            sources.add(Sources.onet(onetVersion));
        }
        if (crosswalk != null && !crosswalk.isBlank()) {
            sources.add(Sources.credited(Sources.hostName(crosswalk)));
        }
        if (generator != null && !generator.isBlank()) {
            sources.add(Sources.credited(generator));
        }
        Provenance provenance = new Provenance(file.getFileName().toString(), sha256, SourceFormat.JSON_EXPORT,
                generator, text(root, "/schemaVersion", false), text(root, "/exportedAt", false), onetVersion,
                onetLicense, text(root, "/attribution", false), crosswalk);
        return new SourceDocument(provenance, occupation, List.of(framework), null, null, sources, List.of());
    }

    private Statement statement(String levelKey, int position, String text, String pointer) {
        if (text.isBlank()) {
            throw new SourceException(file, pointer, "empty statement");
        }
        requireLength(text, pointer);
        String t = text.strip();
        int dash = t.indexOf(" \u2014 ");
        if (dash <= 0) {
            Flag flag = new Flag("topic-split-missing",
                    "no ' \u2014 ' between topic and description; kept the whole text as the topic", pointer);
            return new Statement(levelKey, null, position, t, t, null, List.of(), List.of(flag), pointer);
        }
        return new Statement(levelKey, null, position, t, t.substring(0, dash).strip(),
                t.substring(dash + 3).strip(), List.of(), List.of(), pointer);
    }

    private JsonNode object(JsonNode parent, String pointer) {
        return requireObject(parent.get(last(pointer)), pointer);
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
        JsonNode n = parent.get(last(pointer));
        if (n == null || n.isNull()) {
            if (required) {
                throw new SourceException(file, pointer, "missing required field '" + last(pointer) + "'");
            }
            return null;
        }
        if (!n.isValueNode() || n.isBoolean()) {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must be a string, found " + kind(n));
        }
        String s = n.asText();
        requireLength(s, pointer);
        if (required && s.isBlank()) {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must not be empty");
        }
        return s;
    }

    private Integer integer(JsonNode parent, String pointer) {
        JsonNode n = parent.get(last(pointer));
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToExactIntegral() && !(n.isTextual() && n.asText().matches("\\d+"))) {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must be an integer, found "
                    + kind(n) + " " + n);
        }
        return n.isTextual() ? Integer.valueOf(n.asText()) : n.asInt();
    }

    private Boolean bool(JsonNode parent, String pointer) {
        JsonNode n = parent.get(last(pointer));
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw new SourceException(file, pointer, "'" + last(pointer) + "' must be true or false, found " + n);
        }
        return n.asBoolean();
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
