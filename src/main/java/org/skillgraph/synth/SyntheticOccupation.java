package org.skillgraph.synth;

import java.util.List;

/**
 * Everything one generated document says about its occupation, before it is written in one of the formats.
 * A JSON export uses the header and the occupational framework only, as real exports do.
 */
record SyntheticOccupation(
        int index,
        SyntheticCorpus.Format format,
        String soc,
        String title,
        Field field,
        String sector,
        int jobZone,
        boolean jobZoneInferred,
        String version,
        String exportedAt,
        String description,
        String context,
        List<List<Statement>> levels,
        List<List<Statement>> aiLevels,
        Evidence evidence,
        List<Domain> domains,
        List<String> relatedTitles,
        List<String> apprenticeships,
        List<String> skills,
        List<String> knowledge,
        List<String> abilities,
        List<String> workStyles,
        List<String> technology,
        List<String> tasks,
        List<String> cipCodes,
        List<Citation> cited) {

    /** A statement: topic, description and the citation chips that follow it (none for occupational ones). */
    record Statement(String topic, String description, List<Citation> chips) {
    }

    /** A cited source as its chip shows it: short label, tooltip title and detail, and the link. */
    record Citation(String label, String title, String detail, String url, String footer) {
    }

    /** A durable-skill domain: its name and its statements at each of the four levels. */
    record Domain(String name, List<List<Statement>> levels) {
        int count() {
            return levels.stream().mapToInt(List::size).sum();
        }
    }

    /** The evidence pack's figures, as the page writes them. */
    record Evidence(int observations, String augmentShare, String timeSaved, String autonomy, String topSkill,
                    String score, String precision, String wefLabel, String wefKey) {
    }

    /** The number of O*NET anchors the page declares (every kind but related titles and CIP codes). */
    int anchorCount() {
        return apprenticeships.size() + skills.size() + knowledge.size() + abilities.size() + workStyles.size()
                + technology.size() + tasks.size();
    }

    /** The file name: SOC code and the format's extension. */
    String fileName() {
        return soc + format.extension();
    }
}
