package org.skillgraph.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.skillgraph.synth.SyntheticOccupation.Statement;

/**
 * Writes an occupation as a framework export: one line of JSON in the seed export's shape and key order
 * ({@code schemaVersion}, {@code exportedAt}, {@code occupation}, {@code framework} with four levels of
 * "Topic — description" strings, {@code sources}, {@code attribution}).
 */
final class ExportWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    String write(SyntheticOccupation o) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", "1.0");
        root.put("exportedAt", o.exportedAt());
        ObjectNode occ = root.putObject("occupation");
        occ.put("soc", o.soc());
        occ.put("title", o.title());
        occ.put("group", o.field().group());
        occ.put("sector", o.sector());
        occ.put("jobZone", o.jobZone());
        occ.put("jobZoneInferred", o.jobZoneInferred());
        ObjectNode fw = root.putObject("framework");
        fw.put("version", o.version());
        fw.put("description", o.description());
        fw.put("contextCovered", o.context());
        ObjectNode levels = fw.putObject("levels");
        for (int l = 0; l < 4; l++) {
            List<String> level = Lexicon.OCCUPATIONAL_LEVELS.get(l);
            ObjectNode node = levels.putObject(level.get(0));
            node.put("label", level.get(1));
            ArrayNode statements = node.putArray("statements");
            for (Statement s : o.levels().get(l)) {
                statements.add(s.topic() + " \u2014 " + s.description());
            }
        }
        ObjectNode sources = root.putObject("sources");
        sources.put("onet", "v30.2 (CC BY 4.0)");
        sources.put("crosswalk", "https://skillscrosswalk.com");
        sources.put("generator", "LER.me");
        root.put("attribution", "\u00a9 EBSCOed");
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
