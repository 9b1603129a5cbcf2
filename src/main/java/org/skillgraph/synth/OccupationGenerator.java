package org.skillgraph.synth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.skillgraph.synth.SyntheticOccupation.Citation;
import org.skillgraph.synth.SyntheticOccupation.Domain;
import org.skillgraph.synth.SyntheticOccupation.Evidence;
import org.skillgraph.synth.SyntheticOccupation.Statement;

/**
 * Generates occupations one after the other. Occupation {@code i} depends only on the seed and on the
 * occupations before it (which SOC codes and titles are taken), so the first 100 occupations of a corpus
 * of 1,000 are the corpus of 100: growth can be measured on prefixes of one corpus.
 */
final class OccupationGenerator {
    /** Sources every page cites, as on the seed page. */
    static final Citation AEI = new Citation("Anthropic Economic Index", "Anthropic Economic Index",
            "release_2026_03_24", "https://huggingface.co/datasets/Anthropic/EconomicIndex/tree/main/release_2026_03_24",
            "Anthropic Economic Index");
    static final Citation SAFI = new Citation("Jadhav & Danve, 2026", "Skill Automation Feasibility Index",
            "Jadhav & Danve, 2026 (arXiv:2604.06906)", "https://arxiv.org/abs/2604.06906", "SAFI (Jadhav & Danve, 2026)");
    static final Citation WEF = new Citation("WEF Skills Taxonomy", "WEF Skills Taxonomy 2021",
            "Building a Common Language for Skills at Work",
            "https://www.weforum.org/publications/building-a-common-language-for-skills-at-work-a-global-taxonomy/",
            "WEF Skills Taxonomy 2021");
    static final Citation PATHSMITH = new Citation("Pathsmith Durable Skills", "Pathsmith Durable Skills Framework",
            "America Succeeds + CompTIA", "https://americasucceeds.org/pathsmith/durable-skills",
            "Pathsmith Durable Skills Framework");
    static final Citation ONET = new Citation("O*NET v30.2", "O*NET Resource Center",
            "Occupational Information Network, v30.2 (Sept 2025)", "https://www.onetcenter.org/database.html", null);

    private final long seed;
    /** Sources beyond the seed's: institutions and author-year papers, the same for every occupation. */
    private final List<Citation> pool;
    private final Set<String> socs = new HashSet<>();
    private final Set<String> titles = new HashSet<>();
    private int next;

    OccupationGenerator(long seed) {
        this.seed = seed;
        this.pool = sourcePool(new SplittableRandom(mix(seed, -1)));
        socs.add("29-2011.00"); // the seeds' occupations stay free, so seeds and a corpus load side by side
        socs.add("29-2099.00");
    }

    /** The next occupation. */
    SyntheticOccupation next() {
        int index = next++;
        SplittableRandom rnd = new SplittableRandom(mix(seed, index));
        SyntheticCorpus.Format format = SyntheticCorpus.formatOf(index);
        Field field = pick(rnd, Field.ALL);
        String soc;
        do {
            int detail = rnd.nextInt(100) < 85 ? 0 : 1 + rnd.nextInt(4);
            soc = String.format(Locale.ROOT, "%s-%04d.%02d", field.code(), 1000 + rnd.nextInt(9000), detail);
        } while (!socs.add(soc));
        String stem = pick(rnd, field.stems());
        String role = pick(rnd, field.roles());
        String title = stem + " " + role;
        for (int k = 0; k < 8 && titles.contains(title); k++) {
            stem = pick(rnd, field.stems());
            role = pick(rnd, field.roles());
            title = stem + " " + role;
        }
        if (!titles.add(title)) {
            title = title + ", All Other";
            titles.add(title);
        }
        int jobZone = 1 + rnd.nextInt(5);
        int v = rnd.nextInt(100);
        String version = v < 80 ? "v.26.05" : v < 95 ? "v.26.04" : "v.26.03";
        String exportedAt = String.format(Locale.ROOT, "2026-05-%02dT%02d:%02d:%02d.%03dZ", 1 + rnd.nextInt(28),
                rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60), rnd.nextInt(1000));
        String description = rnd.nextInt(100) < 70 ? "" : "Skills framework for " + title.toLowerCase(Locale.ROOT)
                + " at four mastery levels, from entry to executive practice.";
        String context = "This framework covers " + field.context() + ", with " + lower(role) + " working "
                + pick(rnd, field.settings()) + ", across entry-level through executive practice.";

        List<List<Statement>> levels = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            int n = 8 + rnd.nextInt(5);
            List<Statement> list = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                list.add(new Statement(topic(rnd, field), description(rnd, field, l), List.of()));
            }
            levels.add(list);
        }

        List<Citation> extra = new ArrayList<>();
        int extras = 1 + rnd.nextInt(3);
        while (extra.size() < extras) {
            Citation c = pick(rnd, pool);
            if (!extra.contains(c)) {
                extra.add(c);
            }
        }
        List<Citation> aiSources = new ArrayList<>(List.of(AEI, SAFI, WEF));
        aiSources.addAll(extra);
        List<List<Statement>> aiLevels = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            int n = 2 + rnd.nextInt(3);
            List<Statement> list = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                list.add(new Statement(capitalise(String.format(Locale.ROOT, pick(rnd, Lexicon.AI_TOPICS),
                        pick(rnd, field.subjects()))), aiDescription(rnd, field), aiChips(rnd, aiSources)));
            }
            aiLevels.add(list);
        }

        List<String> skills = sample(rnd, Lexicon.SKILLS, 12 + rnd.nextInt(14));
        List<String> wef = pick(rnd, Lexicon.WEF_CLUSTERS);
        Evidence evidence = new Evidence(20 + rnd.nextInt(900),
                String.format(Locale.ROOT, "%.1f%%", 5 + rnd.nextDouble() * 55),
                String.format(Locale.ROOT, "%.1f%%", 40 + rnd.nextDouble() * 55),
                String.format(Locale.ROOT, "%.2f", 1.5 + rnd.nextDouble() * 3),
                pick(rnd, skills),
                String.format(Locale.ROOT, "%.1f / 100", 20 + rnd.nextDouble() * 70),
                rnd.nextInt(100) < 70 ? "category_estimate" : "occupation_estimate", wef.get(0), wef.get(1));

        List<Domain> domains = new ArrayList<>();
        for (int d = 0; d < Lexicon.DOMAINS.size(); d++) {
            int total = 8 + rnd.nextInt(5);
            int[] perLevel = {2, 2, 2, 2};
            for (int k = 8; k < total; k++) {
                int l;
                do {
                    l = rnd.nextInt(4);
                } while (perLevel[l] == 3);
                perLevel[l]++;
            }
            List<List<Statement>> dl = new ArrayList<>();
            for (int l = 0; l < 4; l++) {
                List<Statement> list = new ArrayList<>();
                for (int k = 0; k < perLevel[l]; k++) {
                    list.add(durable(rnd, field, d, l, extra));
                }
                dl.add(list);
            }
            domains.add(new Domain(Lexicon.DOMAINS.get(d), dl));
        }

        List<String> tasks = new ArrayList<>(new LinkedHashSet<>(repeat(5 + rnd.nextInt(8), () -> task(rnd, field))));
        List<String> cips = new ArrayList<>();
        int cipCount = 2 + rnd.nextInt(7);
        for (int k = 0; k < cipCount * 3 && cips.size() < cipCount; k++) {
            String code = pick(rnd, field.cip()) + String.format(Locale.ROOT, ".%04d", rnd.nextInt(10000));
            if (!cips.contains(code)) {
                cips.add(code);
            }
        }
        List<String> apprenticeships = rnd.nextInt(100) < 15
                ? sample(rnd, Lexicon.APPRENTICESHIPS, 1 + rnd.nextInt(2)) : List.of();

        List<Citation> cited = new ArrayList<>();
        for (List<Statement> list : aiLevels) {
            list.forEach(s -> s.chips().forEach(c -> addOnce(cited, c)));
        }
        for (Domain d : domains) {
            d.levels().forEach(list -> list.forEach(s -> s.chips().forEach(c -> addOnce(cited, c))));
        }

        return new SyntheticOccupation(index, format, soc, title, field, pick(rnd, field.sectors()), jobZone,
                rnd.nextBoolean(), version, exportedAt, description, context, levels, aiLevels, evidence, domains,
                related(rnd, title, stem, role, field), apprenticeships, skills,
                sample(rnd, Lexicon.KNOWLEDGE, 6 + rnd.nextInt(7)), sample(rnd, Lexicon.ABILITIES, 6 + rnd.nextInt(9)),
                sample(rnd, Lexicon.WORK_STYLES, 4 + rnd.nextInt(5)), sample(rnd, Lexicon.TECHNOLOGY, 5 + rnd.nextInt(8)),
                tasks, cips, cited);
    }

    // ---- statements -----------------------------------------------------------------------------------

    /** A short noun phrase ending in a head noun: "Specimen preparation", "Routine equipment maintenance". */
    private static String topic(SplittableRandom rnd, Field field) {
        String head = pick(rnd, Lexicon.HEADS);
        String subject = pick(rnd, field.subjects());
        String phrase = switch (rnd.nextInt(4)) {
            case 0 -> subject + " " + head;
            case 1 -> subject + " " + other(rnd, field.subjects(), subject) + " " + head;
            case 2 -> pick(rnd, Lexicon.MODIFIERS) + " " + subject + " " + head;
            default -> subject + " " + other(rnd, Lexicon.HEADS, head) + " and " + head;
        };
        return capitalise(phrase);
    }

    /** A description as the seed's: verb first (sometimes an adverb before it), then object, qualifier. */
    private static String description(SplittableRandom rnd, Field field, int level) {
        StringBuilder sb = new StringBuilder();
        String verb = pick(rnd, Lexicon.VERBS);
        int shape = rnd.nextInt(100);
        if (shape < 15) {
            sb.append(pick(rnd, Lexicon.ADVERBS)).append(' ').append(verb);
        } else if (shape < 30) {
            String v2 = other(rnd, Lexicon.VERBS, verb);
            String v3 = other(rnd, Lexicon.VERBS, verb, v2);
            sb.append(verb).append(", ").append(v2).append(", and ").append(v3);
        } else if (shape < 50) {
            sb.append(verb).append(" and ").append(other(rnd, Lexicon.VERBS, verb));
        } else {
            sb.append(verb);
        }
        sb.append(' ');
        if (rnd.nextBoolean()) {
            sb.append(pick(rnd, Lexicon.ADJECTIVES)).append(' ');
        }
        sb.append(pick(rnd, field.objects()));
        if (rnd.nextInt(100) < 35) {
            sb.append(" and ").append(pick(rnd, field.objects()));
        }
        sb.append(' ').append(pick(rnd, Lexicon.LEVEL_QUALIFIERS.get(level)));
        if (rnd.nextInt(100) < 45) {
            sb.append(' ').append(pick(rnd, field.settings()));
        }
        return sb.append('.').toString();
    }

    private static String aiDescription(SplittableRandom rnd, Field field) {
        return pick(rnd, Lexicon.AI_VERBS) + " " + pick(rnd, Lexicon.VERBS) + " " + pick(rnd, field.objects()) + ", "
                + pick(rnd, Lexicon.AI_CHECKS);
    }

    /** None, one or two chips, as the seed's AI-usage statements have. */
    private static List<Citation> aiChips(SplittableRandom rnd, List<Citation> sources) {
        int r = rnd.nextInt(100);
        int n = r < 15 ? 0 : r < 70 ? 1 : 2;
        List<Citation> out = new ArrayList<>();
        while (out.size() < n) {
            Citation c = pick(rnd, sources);
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Statement durable(SplittableRandom rnd, Field field, int domain, int level, List<Citation> extra) {
        String noun = pick(rnd, Lexicon.DOMAIN_TOPICS.get(domain));
        String topic = capitalise(rnd.nextBoolean() ? pick(rnd, field.subjects()) + " " + noun : noun);
        String adjective = rnd.nextBoolean() ? pick(rnd, Lexicon.ADJECTIVES) + " " : "";
        String description = pick(rnd, Lexicon.DOMAIN_VERBS.get(domain)) + " " + adjective + pick(rnd, field.objects())
                + " " + pick(rnd, Lexicon.DURABLE_TAILS.get(level));
        List<Citation> chips = new ArrayList<>();
        int first = rnd.nextInt(100);
        chips.add(first < 82 ? PATHSMITH : first < 92 ? ONET : pick(rnd, extra));
        int second = rnd.nextInt(100);
        if (second < 45 && chips.get(0) != ONET) {
            chips.add(ONET);
        } else if (second < 55 && chips.get(0) == PATHSMITH) {
            chips.add(pick(rnd, extra));
        }
        return new Statement(topic, description, chips);
    }

    private static String task(SplittableRandom rnd, Field field) {
        String verb = capitalise(pick(rnd, Lexicon.VERBS));
        String object = pick(rnd, field.objects());
        return rnd.nextInt(100) < 30
                ? verb + " or " + other(rnd, Lexicon.VERBS, verb.toLowerCase(Locale.ROOT)) + " " + object + " "
                        + pick(rnd, Lexicon.PURPOSES) + "."
                : verb + " " + object + " " + pick(rnd, field.settings()) + " " + pick(rnd, Lexicon.PURPOSES) + ".";
    }

    private List<String> related(SplittableRandom rnd, String title, String stem, String role, Field field) {
        String one = singular(role);
        String acronym = initials(stem + " " + one);
        List<String> candidates = new ArrayList<>(List.of(stem + " " + one, "Senior " + stem + " " + one,
                "Lead " + stem + " " + one, stem + " " + one + " Trainee", "Assistant " + stem + " " + one,
                stem + " Specialist", stem + " Coordinator", stem + " Supervisor", stem + " " + one + " (" + acronym + ")",
                "Certified " + stem + " " + one, stem + " Lead", "Staff " + stem + " " + one));
        for (String r : field.roles()) {
            if (!r.equals(role)) {
                candidates.add(stem + " " + singular(r));
            }
        }
        candidates.removeIf(t -> t.equals(title));
        return sample(rnd, candidates, Math.min(candidates.size(), 6 + rnd.nextInt(10)));
    }

    // ---- sources --------------------------------------------------------------------------------------

    /** Ten institutions and thirty author-year papers, each with its own label and title. */
    private static List<Citation> sourcePool(SplittableRandom rnd) {
        List<Citation> out = new ArrayList<>();
        for (List<String> i : Lexicon.INSTITUTIONS) {
            out.add(new Citation(i.get(0), i.get(1), i.get(2), i.get(3), i.get(1)));
        }
        Set<String> seen = new HashSet<>();
        while (out.size() < Lexicon.INSTITUTIONS.size() + 30) {
            String title = pick(rnd, Lexicon.PAPER_OPENERS) + " " + pick(rnd, Lexicon.PAPER_SUBJECTS);
            if (!seen.add(title)) {
                continue;
            }
            String a = pick(rnd, Lexicon.SURNAMES);
            int year = 2023 + rnd.nextInt(4);
            String label = rnd.nextBoolean() ? a + " et al., " + year
                    : a + " & " + other(rnd, Lexicon.SURNAMES, a) + ", " + year;
            String id;
            String url;
            if (rnd.nextBoolean()) {
                id = String.format(Locale.ROOT, "arXiv:%02d%02d.%05d", year % 100, 1 + rnd.nextInt(12),
                        rnd.nextInt(100000));
                url = "https://arxiv.org/abs/" + id.substring(6);
            } else {
                id = String.format(Locale.ROOT, "doi:10.5555/sg.%d.%04d", year, rnd.nextInt(10000));
                url = "https://doi.org/" + id.substring(4);
            }
            out.add(new Citation(label, title, label + " (" + id + ")", url, title));
        }
        return List.copyOf(out);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** SplitMix64 of seed and index: every occupation gets its own stream, independent of the others. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    @SafeVarargs
    private static <T> T other(SplittableRandom rnd, List<T> list, T... not) {
        T t;
        do {
            t = pick(rnd, list);
        } while (List.of(not).contains(t));
        return t;
    }

    /** {@code n} distinct items in the order drawn. */
    static <T> List<T> sample(SplittableRandom rnd, List<T> list, int n) {
        List<T> copy = new ArrayList<>(list);
        List<T> out = new ArrayList<>();
        for (int k = 0; k < n && !copy.isEmpty(); k++) {
            out.add(copy.remove(rnd.nextInt(copy.size())));
        }
        return out;
    }

    private static <T> List<T> repeat(int n, java.util.function.Supplier<T> s) {
        List<T> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(s.get());
        }
        return out;
    }

    private static void addOnce(List<Citation> list, Citation c) {
        if (!list.contains(c)) {
            list.add(c);
        }
    }

    static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("sses")) {
            return plural.substring(0, plural.length() - 2);
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static String initials(String words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words.split("[\\s,]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }
}
