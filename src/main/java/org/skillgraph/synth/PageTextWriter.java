package org.skillgraph.synth;

import java.util.List;
import org.skillgraph.synth.SyntheticOccupation.Citation;
import org.skillgraph.synth.SyntheticOccupation.Domain;
import org.skillgraph.synth.SyntheticOccupation.Evidence;
import org.skillgraph.synth.SyntheticOccupation.Statement;

/**
 * Writes an occupation as the text a browser renders of its NSX page, with every glue of the seed page:
 * header fields run together ({@code SOC 29-2011.00Job Zone 4}), topic glued to description, chips as
 * label + tooltip + " Opens in new tab.", domain headers {@code 1Communication12 statements}, anchor lists
 * and CIP codes with no separator.
 */
final class PageTextWriter {
    static final String AI_INTRO = "How a worker at each mastery level uses, directs, and evaluates AI tools in this "
            + "occupation. Each statement cites its evidence inline; click a citation chip to verify the source.";
    static final String DURABLE_INTRO = "Ten durable-skill domains mapped to four proficiency/role levels for each "
            + "occupation. Each statement is aligned to the Pathsmith taxonomy, derived from trusted grounding data and "
            + "mapped to occupation-specific O*NET tasks and skills.";
    static final String COVERAGE = "Authoritative source data identified for 998 occupations";
    static final String CROSSWALK = "skillscrosswalk.com";

    private final StringBuilder out = new StringBuilder();

    String write(SyntheticOccupation o) {
        line("NSXNational Skills ExchangeSign in");
        line("Back to Framework");
        line("");
        line(o.title());
        line("");
        line("SOC " + o.soc() + "Job Zone " + o.jobZone() + " \u00b7 " + Lexicon.JOB_ZONES.get(o.jobZone() - 1)
                + o.version());
        line("");
        line("Context covered" + o.context());
        line("");
        for (int l = 0; l < 4; l++) {
            line(Lexicon.OCCUPATIONAL_LEVELS.get(l).get(1));
            line(Lexicon.OCCUPATIONAL_LEVELS.get(l).get(2));
            List<Statement> list = o.levels().get(l);
            for (int k = 0; k < list.size(); k++) {
                line(item(k, list.get(k).topic() + list.get(k).description()));
            }
        }
        line("");
        line(COVERAGE);
        line("");
        line(AI_INTRO);
        line("");
        for (int l = 0; l < 4; l++) {
            line(Lexicon.OCCUPATIONAL_LEVELS.get(l).get(1));
            statements(o.aiLevels().get(l), true);
        }
        evidence(o.evidence());
        line("");
        line(DURABLE_INTRO);
        line("");
        for (int d = 0; d < o.domains().size(); d++) {
            Domain domain = o.domains().get(d);
            line((d + 1) + domain.name() + domain.count() + " statements");
            for (int l = 0; l < 4; l++) {
                line(Lexicon.DURABLE_LEVELS.get(l));
                statements(domain.levels().get(l), false);
            }
        }
        line("Show O*NET source anchors" + o.anchorCount() + " anchors \u00b7 " + CROSSWALK);
        line("");
        line("O*NET enrichment \u00b7 " + CROSSWALK);
        line("");
        line("Suggest an O*NET correction");
        line("");
        line("Source anchors that ground each statement");
        line("");
        line("Related titles");
        line(String.join(" \u00b7 ", o.relatedTitles()));
        line("RAPIDS apprenticeships");
        o.apprenticeships().forEach(this::line);
        glued("O*NET skills", o.skills());
        glued("Knowledge domains", o.knowledge());
        glued("Abilities", o.abilities());
        glued("Work styles", o.workStyles());
        glued("Technology", o.technology());
        line("Tasks \u00b7 seed anchors for statements");
        for (int k = 0; k < o.tasks().size(); k++) {
            line(item(k, o.tasks().get(k)));
        }
        glued("CIP education codes", o.cipCodes());
        line("");
        out.append(footer(o));
        return out.toString();
    }

    /** "Sources: …, cited sources …. © 2026 EBSCOed." — every source the page cites, by its footer name. */
    static String footer(SyntheticOccupation o) {
        StringBuilder sb = new StringBuilder("Sources: O*NET v30.2 (CC BY 4.0), SkillsCrosswalk.com, LER.me");
        for (Citation c : o.cited()) {
            if (c.footer() != null) {
                sb.append(", ").append(c.footer());
            }
        }
        return sb.append(". \u00a9 2026 EBSCOed.").toString();
    }

    /** The text of a chipped statement as rendered: text, chips, and the AI-usage sentence's final period. */
    static String chipped(Statement s, boolean period) {
        StringBuilder sb = new StringBuilder(s.topic()).append(" \u2014 ").append(s.description());
        for (Citation c : s.chips()) {
            sb.append(' ').append(c.label()).append(c.title()).append(" \u2014 ").append(c.detail())
                    .append(". Opens in new tab.");
        }
        if (period) {
            sb.append('.');
        }
        return sb.toString();
    }

    private void statements(List<Statement> list, boolean period) {
        for (int k = 0; k < list.size(); k++) {
            line(item(k, chipped(list.get(k), period)));
        }
    }

    private void evidence(Evidence e) {
        line("Evidence pack");
        line("AEI usage");
        line("Task observations: " + e.observations());
        line("Augment share: " + e.augmentShare());
        line("Time saved: " + e.timeSaved());
        line("AI autonomy: " + e.autonomy());
        line("SAFI positioning");
        line("Top skill: " + e.topSkill());
        line("Score: " + e.score());
        line("precision: " + e.precision());
        line("WEF cluster");
        line(e.wefLabel());
        line(e.wefKey());
    }

    private void glued(String heading, List<String> items) {
        line(heading);
        line(String.join("", items));
    }

    private static String item(int k, String text) {
        return "  " + (k + 1) + ". " + text;
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
