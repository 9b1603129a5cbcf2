package org.skillgraph.map;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
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
import org.skillgraph.model.Statement;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;
import org.skillgraph.vocab.CITO;
import org.skillgraph.vocab.PROV;
import org.skillgraph.vocab.SG;

/**
 * Maps one {@link SourceDocument} onto RDF.
 * <pre>{@code
 * MappedDocument m = new DocumentMapper("http://localhost:3030/").map(doc, Instant.now());
 * m.model().write(System.out, "TTL");
 * }</pre>
 * Statements are {@code ceasn:Competency} and {@code skos:Concept} with the topic as
 * {@code ceasn:competencyLabel} and the description as {@code ceasn:competencyText}; a statement whose
 * split was not confident keeps its whole text as {@code ceasn:competencyText}, no label, and
 * {@code sg:needsReview true}.
 */
public final class DocumentMapper {
    /** Bumped whenever the mapping changes, so that unchanged files are mapped again. */
    public static final String MAPPING_VERSION = "5";
    private static final String EN = "en";
    private static final Pattern CC = Pattern.compile("CC\\s+(BY(?:-(?:SA|NC|ND))*)\\s+(\\d\\.\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Map<AnchorKind, Resource> ANCHOR_CLASS = Map.of(AnchorKind.SKILL, SG.OnetSkill,
            AnchorKind.KNOWLEDGE, SG.OnetKnowledge, AnchorKind.ABILITY, SG.OnetAbility, AnchorKind.WORK_STYLE,
            SG.OnetWorkStyle, AnchorKind.TECHNOLOGY, SG.OnetTechnology, AnchorKind.TASK, SG.OnetTask,
            AnchorKind.APPRENTICESHIP, SG.Apprenticeship);
    private static final Map<AnchorKind, Property> ANCHOR_LINK = Map.of(AnchorKind.SKILL, SG.hasSkill,
            AnchorKind.KNOWLEDGE, SG.hasKnowledge, AnchorKind.ABILITY, SG.hasAbility, AnchorKind.WORK_STYLE,
            SG.hasWorkStyle, AnchorKind.TECHNOLOGY, SG.usesTechnology, AnchorKind.TASK, SG.hasTask,
            AnchorKind.APPRENTICESHIP, SG.hasApprenticeship);
    private static final Map<FrameworkKind, Resource> FRAMEWORK_CLASS = Map.of(FrameworkKind.OCCUPATIONAL,
            SG.OccupationalFramework, FrameworkKind.AI_USAGE, SG.AiUsageFramework, FrameworkKind.DURABLE_SKILLS,
            SG.DurableSkillsFramework);

    /** Evidence metrics known by name: "group|name" → property, expected unit. */
    private record Known(Property property, Metric.Unit unit) {
    }

    private static final Map<String, Known> KNOWN_METRICS = Map.of(
            "aei usage|task observations", new Known(SG.aeiTaskObservations, Metric.Unit.COUNT),
            "aei usage|augment share", new Known(SG.aeiAugmentSharePercent, Metric.Unit.PERCENT),
            "aei usage|time saved", new Known(SG.aeiTimeSavedPercent, Metric.Unit.PERCENT),
            "aei usage|ai autonomy", new Known(SG.aeiAutonomy, Metric.Unit.NUMBER),
            "safi positioning|top skill", new Known(SG.safiTopSkill, Metric.Unit.TEXT),
            "safi positioning|score", new Known(SG.safiScore, Metric.Unit.SCORE_OF_100),
            "safi positioning|precision", new Known(SG.safiPrecision, Metric.Unit.TEXT),
            "wef cluster|label", new Known(SG.wefCluster, Metric.Unit.TEXT),
            "wef cluster|key", new Known(SG.wefClusterKey, Metric.Unit.TEXT));

    private final Uris uris;

    public DocumentMapper(String base) {
        this.uris = new Uris(base);
    }

    public Uris uris() {
        return uris;
    }

    /** Maps a document; {@code importedAt} is recorded as the graph's {@code prov:generatedAtTime}. */
    public MappedDocument map(SourceDocument doc, Instant importedAt) {
        Model m = ModelFactory.createDefaultModel();
        Prefixes.apply(m, uris.base());
        Occupation o = doc.occupation();
        String version = doc.frameworks().get(0).version();
        Resource occupation = occupation(m, o, doc.anchors());
        for (Source s : doc.sources()) {
            source(m, s);
        }
        for (Framework f : doc.frameworks()) {
            framework(m, doc, f, occupation);
        }
        if (doc.anchors() != null) {
            anchors(m, o.soc(), version, doc.anchors(), occupation);
        }
        if (doc.evidence() != null) {
            evidence(m, o.soc(), version, doc.evidence(), occupation, doc.anchors());
        }
        String graph = uris.graph(o.soc(), version);
        provenance(m, graph, doc, occupation, importedAt);
        canonical(m.getGraph());
        return new MappedDocument(graph, m, doc);
    }

    /**
     * Numbers, dates and the like in their canonical form ("3.50" → "3.5"; Jena's {@code CanonicalizeLiteral}),
     * the form TDB2 reads them back in: the store, the dumps and the patches then hold the same terms, and a new
     * version's deletes find what the store holds. The value is the source's; its writing is kept only where the
     * text itself is ({@code sg:rawValue} of a metric the mapping does not know, {@code sg:sourceText}).
     */
    private static void canonical(org.apache.jena.graph.Graph g) {
        java.util.function.Function<org.apache.jena.graph.Node, org.apache.jena.graph.Node> canonical =
                org.apache.jena.riot.process.normalize.CanonicalizeLiteral.get();
        // only typed values can be written otherwise (a string is itself, and the tags written here are canonical)
        List<org.apache.jena.graph.Triple> written = g.find().filterKeep(t -> t.getObject().isLiteral()
                && t.getObject().getLiteralLanguage().isEmpty()
                && !org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.equals(t.getObject().getLiteralDatatype())
                && !canonical.apply(t.getObject()).equals(t.getObject())).toList();
        for (org.apache.jena.graph.Triple t : written) {
            g.delete(t);
            g.add(org.apache.jena.graph.Triple.create(t.getSubject(), t.getPredicate(), canonical.apply(t.getObject())));
        }
    }

    private Resource occupation(Model m, Occupation o, Anchors anchors) {
        Resource r = m.createResource(uris.occupation(o.soc()))
                .addProperty(RDF.type, CETERMS.Occupation)
                .addProperty(RDF.type, SKOS.Concept)
                .addProperty(SKOS.inScheme, m.createResource(uris.scheme("occupations")))
                .addProperty(SKOS.prefLabel, o.title(), EN)
                .addProperty(CETERMS.name, o.title(), EN)
                .addProperty(SKOS.notation, o.soc())
                .addProperty(CETERMS.codedNotation, o.soc())
                .addProperty(CETERMS.ctid, uris.ctid(uris.occupation(o.soc())));
        m.createResource(uris.scheme("occupations"))
                .addProperty(RDF.type, SKOS.ConceptScheme)
                .addProperty(SKOS.prefLabel, "O*NET-SOC occupations", EN);
        Resource group = m.createResource(uris.socGroup(o.soc()))
                .addProperty(RDF.type, SG.SocMajorGroup)
                .addProperty(RDF.type, SKOS.Concept)
                .addProperty(SKOS.notation, o.soc().substring(0, 2) + "-0000")
                .addProperty(SKOS.inScheme, m.createResource(uris.scheme("occupations")))
                .addProperty(SKOS.narrower, r);
        r.addProperty(SKOS.broader, group);
        if (o.group() != null && !o.group().isBlank()) {
            group.addProperty(SKOS.prefLabel, o.group(), EN);
        }
        optional(r, SG.naicsSector, o.sector());
        if (o.jobZone() != null) {
            r.addLiteral(SG.jobZone, m.createTypedLiteral(o.jobZone().toString(), XSDDatatype.XSDinteger));
        }
        if (o.jobZoneLabel() != null) {
            r.addProperty(SG.jobZoneLabel, o.jobZoneLabel(), EN);
        }
        if (o.jobZoneInferred() != null) {
            r.addLiteral(SG.jobZoneInferred, m.createTypedLiteral(o.jobZoneInferred()));
        }
        for (String title : o.relatedTitles()) {
            r.addProperty(SKOS.altLabel, title, EN);
        }
        if (anchors != null && anchors.declaredCount() != null) {
            r.addLiteral(SG.declaredAnchorCount, integer(m, anchors.declaredCount()));
        }
        return r;
    }

    private void framework(Model m, SourceDocument doc, Framework f, Resource occupation) {
        String soc = doc.occupation().soc();
        String fwUri = uris.framework(soc, f.kind(), f.version());
        String name = doc.occupation().title() + ": " + f.kind().label();
        Resource fw = m.createResource(fwUri)
                .addProperty(RDF.type, CEASN.CompetencyFramework)
                .addProperty(RDF.type, SKOS.ConceptScheme)
                .addProperty(RDF.type, FRAMEWORK_CLASS.get(f.kind()))
                .addProperty(CEASN.name, name, EN)
                .addProperty(SKOS.prefLabel, name, EN)
                .addProperty(CEASN.inLanguage, EN)
                .addProperty(OWL.versionInfo, f.version())
                .addProperty(CETERMS.ctid, uris.ctid(fwUri))
                .addProperty(SG.forOccupation, occupation);
        occupation.addProperty(SG.hasFramework, fw);
        // a registry requires a description: a framework the source gives none keeps its "context covered"
        // paragraph, which describes it; with neither, the quality gate refuses the document
        String description = f.description() != null && !f.description().isBlank() ? f.description()
                : f.contextCovered() != null && !f.contextCovered().isBlank() ? f.contextCovered() : null;
        if (description != null) {
            fw.addProperty(CEASN.description, description, EN);
        }
        if (f.contextCovered() != null && !f.contextCovered().isBlank()) {
            fw.addProperty(SG.contextCovered, f.contextCovered(), EN);
        }
        String publisher = publisher(doc.provenance().attribution());
        if (publisher != null) {
            fw.addProperty(CEASN.publisherName, publisher, EN);
        }

        Resource model = m.createResource(uris.progression(fwUri))
                .addProperty(RDF.type, ASN.ProgressionModel)
                .addProperty(RDF.type, SKOS.ConceptScheme)
                .addProperty(SKOS.prefLabel, name + " \u2014 proficiency levels", EN)
                .addProperty(CETERMS.ctid, uris.ctid(uris.progression(fwUri)));
        fw.addProperty(ASN.hasProgressionModel, model);
        for (Level l : f.levels()) {
            String levelUri = uris.level(fwUri, l.key());
            Resource level = m.createResource(levelUri)
                    .addProperty(RDF.type, ASN.ProgressionLevel)
                    .addProperty(RDF.type, SKOS.Concept)
                    .addProperty(SKOS.prefLabel, l.label(), EN)
                    .addProperty(SKOS.inScheme, model)
                    .addProperty(SKOS.topConceptOf, model)
                    .addLiteral(SG.rank, integer(m, l.rank()))
                    .addProperty(CETERMS.ctid, uris.ctid(levelUri));
            model.addProperty(SKOS.hasTopConcept, level);
            if (l.roleLabel() != null) {
                level.addProperty(SG.roleLabel, l.roleLabel(), EN);
            }
        }
        for (Domain d : f.domains()) {
            String domainUri = uris.domain(fwUri, d.key());
            Resource domain = m.createResource(domainUri)
                    .addProperty(RDF.type, SG.DurableSkillDomain)
                    .addProperty(RDF.type, SKOS.Concept)
                    .addProperty(SKOS.prefLabel, d.name(), EN)
                    .addProperty(SKOS.inScheme, fw)
                    .addLiteral(SG.position, integer(m, d.number()))
                    .addProperty(CETERMS.ctid, uris.ctid(domainUri));
            if (d.declaredStatements() != null) {
                domain.addLiteral(SG.declaredStatementCount, integer(m, d.declaredStatements()));
            }
        }
        Map<String, String> domainNames = new java.util.HashMap<>();
        f.domains().forEach(d -> domainNames.put(d.key(), d.name()));
        for (Statement s : f.statements()) {
            statement(m, fw, fwUri, s, domainNames);
        }
    }

    private void statement(Model m, Resource fw, String fwUri, Statement s, Map<String, String> domainNames) {
        String uri = uris.statement(fwUri, s.levelKey(), s.domainKey(), s.position());
        Resource r = m.createResource(uri)
                .addProperty(RDF.type, CEASN.Competency)
                .addProperty(RDF.type, SKOS.Concept)
                .addProperty(CEASN.isPartOf, fw)
                .addProperty(SKOS.inScheme, fw)
                .addProperty(ASN.hasProgressionLevel, m.createResource(uris.level(fwUri, s.levelKey())))
                .addProperty(CEASN.listID, Integer.toString(s.position()))
                .addProperty(CEASN.inLanguage, EN)
                .addProperty(SG.sourceText, s.text(), EN)
                .addProperty(CETERMS.ctid, uris.ctid(uri));
        if (s.description() != null) {
            r.addProperty(CEASN.competencyLabel, s.topic(), EN)
                    .addProperty(CEASN.competencyText, s.description(), EN)
                    .addProperty(SKOS.prefLabel, s.topic(), EN)
                    .addProperty(SKOS.definition, s.description(), EN);
        } else {
            r.addProperty(CEASN.competencyText, s.text(), EN)
                    .addProperty(SKOS.prefLabel, s.text(), EN);
        }
        if (s.domainKey() != null) {
            r.addProperty(SG.domain, m.createResource(uris.domain(fwUri, s.domainKey())));
            String name = domainNames.get(s.domainKey());
            if (name != null) {
                r.addProperty(CEASN.competencyCategory, name, EN);
            }
        }
        for (String key : s.citedSources()) {
            r.addProperty(CITO.citesAsEvidence, m.createResource(uris.source(key)));
        }
        review(m, r, s.flags());
    }

    private void source(Model m, Source s) {
        Resource r = m.createResource(uris.source(s.key()))
                .addProperty(RDF.type, DCTerms.BibliographicResource)
                .addProperty(DCTerms.title, s.title())
                .addProperty(RDFS.label, s.title());
        optional(r, SG.citationLabel, s.label());
        optional(r, SG.citationDetail, s.detail());
        optional(r, DCTerms.identifier, s.identifier());
        optional(r, OWL.versionInfo, s.version());
    }

    private void anchors(Model m, String soc, String version, Anchors anchors, Resource occupation) {
        for (Anchor a : anchors.anchors()) {
            Resource scheme = m.createResource(uris.anchorScheme(a.kind()))
                    .addProperty(RDF.type, SKOS.ConceptScheme)
                    .addProperty(SKOS.prefLabel, a.kind().heading(), EN);
            Resource anchor = m.createResource(uris.anchor(a.kind(), a.label()))
                    .addProperty(RDF.type, SKOS.Concept)
                    .addProperty(RDF.type, SG.OnetAnchor)
                    .addProperty(RDF.type, ANCHOR_CLASS.get(a.kind()))
                    .addProperty(SKOS.prefLabel, a.label(), EN)
                    .addProperty(SKOS.inScheme, scheme);
            occupation.addProperty(ANCHOR_LINK.get(a.kind()), anchor);
            if (a.kind() == AnchorKind.TASK) {
                Resource listing = m.createResource(uris.taskListing(soc, version, a.position()))
                        .addProperty(RDF.type, SG.TaskListing)
                        .addProperty(SG.task, anchor)
                        .addLiteral(SG.position, integer(m, a.position()));
                occupation.addProperty(SG.taskListing, listing);
            }
        }
        for (String code : anchors.cipCodes()) {
            Resource scheme = m.createResource(uris.scheme("cip"))
                    .addProperty(RDF.type, SKOS.ConceptScheme)
                    .addProperty(SKOS.prefLabel, "Classification of Instructional Programs (CIP)", EN);
            Resource cip = m.createResource(uris.cip(Keys.slug(code)))
                    .addProperty(RDF.type, SKOS.Concept)
                    .addProperty(RDF.type, SG.InstructionalProgram)
                    .addProperty(SKOS.notation, code)
                    .addProperty(SKOS.prefLabel, "CIP " + code, EN)
                    .addProperty(SKOS.inScheme, scheme);
            occupation.addProperty(SG.instructionalProgram, cip);
        }
    }

    private void evidence(Model m, String soc, String version, EvidencePack pack, Resource occupation,
                          Anchors anchors) {
        String uri = uris.evidence(soc, version);
        Resource r = m.createResource(uri).addProperty(RDF.type, SG.EvidencePack)
                .addProperty(OWL.versionInfo, version);
        occupation.addProperty(SG.evidencePack, r);
        for (Metric metric : pack.metrics()) {
            Known known = KNOWN_METRICS.get(metric.group().toLowerCase(Locale.ROOT) + "|"
                    + metric.name().toLowerCase(Locale.ROOT));
            if (known != null && known.unit() == metric.unit()) {
                r.addLiteral(known.property(), value(m, metric, known.property()));
                if (known.property().equals(SG.safiTopSkill) && anchors != null) {
                    anchors.of(AnchorKind.SKILL).stream().filter(a -> a.label().equalsIgnoreCase(metric.text()))
                            .findFirst().ifPresent(a -> r.addProperty(SG.safiTopSkillAnchor,
                                    m.createResource(uris.anchor(AnchorKind.SKILL, a.label()))));
                }
                continue;
            }
            Resource node = m.createResource(uri + "/" + Keys.slug(metric.group()) + "/" + Keys.slug(metric.name()))
                    .addProperty(RDF.type, SG.EvidenceMetric)
                    .addProperty(SG.metricGroup, metric.group())
                    .addProperty(RDFS.label, metric.name(), EN)
                    .addProperty(SG.rawValue, metric.raw())
                    .addProperty(SG.unit, metric.unit().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (metric.number() != null) {
                node.addLiteral(RDF.value, m.createTypedLiteral(metric.number()));
            }
            r.addProperty(SG.metric, node);
            review(m, node, List.of(new Flag("metric-unknown", "evidence metric not known by name (or not in the "
                    + "expected unit); kept as written", metric.location())));
        }
    }

    private static Literal value(Model m, Metric metric, Property p) {
        if (metric.unit() == Metric.Unit.TEXT) {
            return p.equals(SG.safiTopSkill) || p.equals(SG.wefCluster)
                    ? m.createLiteral(metric.text(), EN) : m.createTypedLiteral(metric.text());
        }
        if (metric.unit() == Metric.Unit.COUNT) {
            return m.createTypedLiteral(metric.number().toBigIntegerExact().toString(), XSDDatatype.XSDinteger);
        }
        BigDecimal n = metric.number();
        return m.createTypedLiteral(n.toPlainString(), XSDDatatype.XSDdecimal);
    }

    private void provenance(Model m, String graph, SourceDocument doc, Resource occupation, Instant importedAt) {
        Provenance p = doc.provenance();
        Resource r = m.createResource(graph)
                .addProperty(RDF.type, SG.SourceDocument)
                .addProperty(RDF.type, PROV.Entity)
                .addProperty(SG.fileName, p.fileName())
                .addProperty(SG.sha256, p.sha256())
                .addProperty(DCTerms.format, p.format().mediaType())
                .addProperty(DCTerms.subject, occupation)
                .addLiteral(PROV.generatedAtTime, dateTime(m, importedAt))
                .addProperty(SG.mappingVersion, MAPPING_VERSION);
        for (Source s : doc.sources()) {
            r.addProperty(PROV.wasDerivedFrom, m.createResource(uris.source(s.key())));
        }
        optional(r, SG.generator, p.generator());
        optional(r, SG.schemaVersion, p.schemaVersion());
        optional(r, SG.onetVersion, p.onetVersion());
        optional(r, SG.anchorCrosswalk, p.crosswalk());
        if (p.exportedAt() != null) {
            try {
                r.addLiteral(DCTerms.created, dateTime(m, OffsetDateTime.parse(p.exportedAt()).toInstant()));
            } catch (DateTimeParseException e) {
                r.addProperty(DCTerms.created, p.exportedAt());
            }
        }
        if (p.onetLicense() != null) {
            Matcher cc = CC.matcher(p.onetLicense());
            if (cc.find()) {
                r.addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/"
                        + cc.group(1).toLowerCase(Locale.ROOT) + "/" + cc.group(2) + "/"));
            }
            r.addProperty(DCTerms.rights, "O*NET data: " + p.onetLicense());
        }
        optional(r, DCTerms.rights, p.attribution());
        review(m, r, doc.flags());
    }

    /** Adds a plain literal when the source has the value: a missing value is no triple, never an empty one. */
    private static void optional(Resource r, Property p, String value) {
        if (value != null) {
            r.addProperty(p, value);
        }
    }

    private static void review(Model m, Resource r, List<Flag> flags) {
        if (flags.isEmpty()) {
            return;
        }
        r.addLiteral(SG.needsReview, m.createTypedLiteral(true));
        for (Flag f : flags) {
            r.addProperty(SG.reviewNote, "[" + f.code() + "] " + (f.location() == null ? "" : f.location() + ": ")
                    + f.message());
        }
    }

    /** "© 2026 EBSCOed" → "EBSCOed". */
    static String publisher(String attribution) {
        if (attribution == null) {
            return null;
        }
        String s = attribution.replace("\u00a9", "").replaceAll("^\\s*(\\d{4}\\s+)?", "").strip();
        return s.isEmpty() ? null : s;
    }

    private static Literal integer(Model m, int n) {
        return m.createTypedLiteral(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static Literal dateTime(Model m, Instant t) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(t.toEpochMilli());
        return m.createTypedLiteral(new XSDDateTime(c));
    }

}
