package org.skillgraph.read;
import org.junit.jupiter.api.Test;
import java.util.List;
class ScratchGlueTest {
    @Test void print() {
        String[] cases = {
            "Topic — does things Foo Bar ReportFoo Bar Report 2025 — Some Publisher. Opens in new tab..",
            "Topic — does things Smith et al., 2024Deep Skills Study — Smith et al., 2024 (doi:10.1234/abc). Opens in new tab.",
            "Topic — does things Foo Bar ReportFoo Bar Report 2025 — Some Publisher. Opens in new tab. Smith et al., 2024Deep Skills Study — Smith et al., 2024 (doi:10.1234/abc). Opens in new tab.",
            "Topic — does things with ILO dataILO Labour Statistics — ILOSTAT, version 2025.1. Opens in new tab.",
            "Topic — does things NCES DigestNCES Digest of Education Statistics — Table 311.10. Opens in new tab.",
            "Safety audit — inspects sites OSHA 1910OSHA 1910 General Industry Standards — 29 CFR 1910. Opens in new tab.",
            "Topic — does things BLS OOHBLS Occupational Outlook Handbook — 2024-25 edition. Opens in new tab.",
            "Topic — does things Acme Skills MapAcme Skills Map. Opens in new tab.",
            "Topic — no chips at all here.",
            "Topic — does things Lee & Park, 2023Remote Work Atlas — Lee & Park, 2023 (ISBN 978-3-16-148410-0). Opens in new tab..",
        };
        CitationChips c = new CitationChips().learnFrom(List.of(cases));
        for (String s : cases) System.out.println("CHIPS " + c.parse(s, new int[0]) + "  <= " + s);
        CitationChips c2 = new CitationChips().learnFrom(List.of());
        for (String s : cases) System.out.println("FRESH " + c2.parse(s, new int[0]));
    }
}
