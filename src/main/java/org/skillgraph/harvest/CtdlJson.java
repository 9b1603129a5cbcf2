package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes RDF as CTDL-style JSON-LD, driven by the context shipped with the project
 * ({@code ctdlasn-context.json}, our local copy of the terms of the Credential Registry's context): language-tagged
 * text becomes language maps, {@code @id}-typed terms become IRI strings, blank nodes are embedded
 * objects. Expanding the output with that context gives back exactly the triples written.
 */
final class CtdlJson {
    /** The context URL registries expect, exactly. */
    static final String CONTEXT_URL = "https://credreg.net/ctdlasn/schema/context/json";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CONTEXT = loadContext();
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();
    private static final Map<String, JsonNode> TERMS = new HashMap<>();

    static {
        CONTEXT.get("@context").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                PREFIXES.put(e.getKey(), e.getValue().asText());
            } else {
                TERMS.put(e.getKey(), e.getValue());
            }
        });
    }

    private CtdlJson() {
    }

    /** The shipped context document, for JSON-LD processors that must not fetch the URL. */
    static JsonNode context() {
        return CONTEXT;
    }

    /** One node as a JSON object; {@code id} maps IRIs (the node's own and its IRI values) to published URLs. */
    static ObjectNode node(Model m, Resource r, Function<String, String> id) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (r.isURIResource()) {
            o.put("@id", id.apply(r.getURI()));
        }
        List<Statement> types = m.listStatements(r, RDF.type, (RDFNode) null).toList();
        if (types.size() == 1) {
            o.put("@type", compact(types.get(0).getResource().getURI()));
        } else if (!types.isEmpty()) {
            ArrayNode t = o.putArray("@type");
            types.stream().map(s -> compact(s.getResource().getURI())).sorted().forEach(t::add);
        }
        Map<Property, List<RDFNode>> byProperty = new java.util.TreeMap<>(Comparator.comparing(Property::getURI));
        m.listStatements(r, null, (RDFNode) null).forEachRemaining(s -> {
            if (!s.getPredicate().equals(RDF.type)) {
                byProperty.computeIfAbsent(s.getPredicate(), k -> new ArrayList<>()).add(s.getObject());
            }
        });
        byProperty.forEach((p, values) -> {
            String key = compact(p.getURI());
            // a term the context does not define is plain: strings stay strings (the round-trip test checks it)
            JsonNode term = TERMS.getOrDefault(key, JsonNodeFactory.instance.objectNode());
            o.set(key, value(m, term, values, id));
        });
        return o;
    }

    /**
     * The values of one property as JSON, in a stable order, so that the same data is always the same bytes (its
     * ETag a hash of them): IRIs and literals by their text; blank nodes (alignment objects), whose labels differ
     * from one query to the next, after them, by the object written for each: by target, then by the whole object.
     */
    private static JsonNode value(Model m, JsonNode term, List<RDFNode> unordered, Function<String, String> id) {
        String container = term.path("@container").asText("");
        String type = term.path("@type").asText("");
        List<RDFNode> values = new ArrayList<>(unordered);
        values.sort(Comparator.comparing(RDFNode::toString)); // blank nodes are ordered below, once written
        if ("@language".equals(container)) {
            ObjectNode map = JsonNodeFactory.instance.objectNode();
            for (RDFNode v : values) {
                Literal l = v.asLiteral();
                String lang = l.getLanguage();
                if (lang.isEmpty()) {
                    throw new IllegalStateException("a language map needs language-tagged text: " + l);
                }
                JsonNode existing = map.get(lang);
                if (existing == null) {
                    map.put(lang, l.getLexicalForm());
                } else {
                    ArrayNode arr = existing.isArray() ? (ArrayNode) existing : map.putArray(lang).add(existing);
                    arr.add(l.getLexicalForm());
                    map.set(lang, arr);
                }
            }
            return map;
        }
        List<JsonNode> out = new ArrayList<>();
        List<ObjectNode> anon = new ArrayList<>();
        for (RDFNode v : values) {
            if (v.isAnon()) {
                anon.add(node(m, v.asResource(), id));
            } else if (v.isURIResource()) {
                out.add(JsonNodeFactory.instance.textNode("@id".equals(type) ? id.apply(v.asResource().getURI())
                        : v.asResource().getURI()));
            } else {
                out.add(JsonNodeFactory.instance.textNode(v.asLiteral().getLexicalForm()));
            }
        }
        anon.sort(Comparator.comparing((ObjectNode n) -> n.path("ceterms:targetNode").asText(""))
                .thenComparing(ObjectNode::toString));
        out.addAll(anon);
        if (out.size() == 1 && !"@set".equals(container)) {
            return out.get(0);
        }
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        out.forEach(arr::add);
        return arr;
    }

    static String compact(String uri) {
        for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
            if (uri.startsWith(p.getValue())) {
                return p.getKey() + ":" + uri.substring(p.getValue().length());
            }
        }
        return uri;
    }

    private static JsonNode loadContext() {
        try (InputStream in = CtdlJson.class.getResourceAsStream("ctdlasn-context.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
