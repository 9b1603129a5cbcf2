package org.skillgraph.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.skillgraph.map.Prefixes;
import org.skillgraph.vocab.AS;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;
import org.skillgraph.vocab.CITO;
import org.skillgraph.vocab.PROV;
import org.skillgraph.vocab.SG;

/**
 * The VoID + DCAT description of the whole dataset ({@code /.well-known/void}): title, licence and
 * attribution from the sources, triple and entity counts, the SPARQL endpoint, the dumps with their size,
 * count and SHA-256, example resources, the vocabularies used, the URI space and the last modification.
 * Call inside a read transaction.
 */
public final class DatasetDescription {
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    private static final Query COUNTS = load("void-counts.rq");

    private DatasetDescription() {
    }

    /**
     * Describes the dataset.
     *
     * @param base the base URI of the data
     * @param site where the site is published (origin + path, ending in a slash)
     */
    public static Model describe(Dataset ds, String base, String site, List<Dumps.Dump> dumps, Instant modified) {
        Model m = ModelFactory.createDefaultModel();
        Prefixes.apply(m, base);
        m.setNsPrefix("void", VOID).setNsPrefix("dcat", DCAT).setNsPrefix("spdx", SPDX);
        Resource d = m.createResource(site + ".well-known/void#dataset")
                .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                .addProperty(RDF.type, m.createResource(DCAT + "Dataset"))
                .addProperty(DCTerms.title, "skillgraph: occupational skills frameworks", "en")
                .addProperty(DCTerms.description, "Occupational skills frameworks — proficiency levels, statements, "
                        + "AI-usage and durable-skill statements with their cited evidence, and O*NET anchors — "
                        + "as linked data (SKOS, CTDL-ASN).", "en")
                .addProperty(p(m, VOID, "uriSpace"), base + "id/")
                .addProperty(p(m, VOID, "sparqlEndpoint"), m.createResource(site + "sparql"))
                .addProperty(p(m, VOID, "rootResource"), m.createResource(site))
                .addLiteral(DCTerms.modified, m.createTypedLiteral(modified.toString(), XSDDatatype.XSDdateTime));
        for (Resource vocabulary : List.of(SKOS.Concept, CEASN.Competency, CETERMS.Occupation, ASN.ProgressionLevel,
                CITO.citesAsEvidence, DCTerms.title, PROV.Entity, AS.Create, SG.OnetAnchor)) {
            String uri = vocabulary.getURI();
            String ns = uri.substring(0, Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/')) + 1);
            d.addProperty(p(m, VOID, "vocabulary"), m.createResource(ns));
        }
        Model union = ds.getUnionModel();
        try (QueryExecution qe = QueryExecution.create().query(COUNTS).dataset(ds)
                .substitution("uriSpace", m.createLiteral(base + "id/")).build()) {
            QuerySolution row = qe.execSelect().next();
            d.addLiteral(p(m, VOID, "triples"), integer(m, row.getLiteral("triples").getLong()));
            d.addLiteral(p(m, VOID, "entities"), integer(m, row.getLiteral("entities").getLong()));
        }
        union.listSubjectsWithProperty(RDF.type, CETERMS.Occupation).toList().stream()
                .map(Resource::getURI).sorted().limit(3)
                .forEach(u -> d.addProperty(p(m, VOID, "exampleResource"), m.createResource(u)));
        // licence and attribution: what the source documents say about themselves
        union.listSubjectsWithProperty(RDF.type, SG.SourceDocument).forEachRemaining(doc -> {
            doc.listProperties(DCTerms.license).forEachRemaining(s -> d.addProperty(DCTerms.license, s.getObject()));
            doc.listProperties(DCTerms.rights).forEachRemaining(s -> d.addProperty(DCTerms.rights, s.getObject()));
            doc.listProperties(PROV.wasDerivedFrom).forEachRemaining(s -> {
                d.addProperty(DCTerms.source, s.getObject());
                Resource src = s.getResource();
                union.listStatements(src, DCTerms.title, (RDFNode) null).forEachRemaining(t ->
                        m.add(m.createResource(src.getURI()), DCTerms.title, t.getObject()));
            });
        });
        for (Dumps.Dump dump : dumps) {
            Resource url = m.createResource(site + "dumps/" + dump.name());
            d.addProperty(p(m, VOID, "dataDump"), url);
            Resource dist = m.createResource(site + "dumps/" + dump.name() + "#distribution")
                    .addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                    .addProperty(p(m, DCAT, "downloadURL"), url)
                    .addProperty(p(m, DCAT, "mediaType"), m.createResource("https://www.iana.org/assignments/media-types/"
                            + dump.mediaType()))
                    .addProperty(p(m, DCAT, "compressFormat"), m.createResource(
                            "https://www.iana.org/assignments/media-types/application/gzip"))
                    .addLiteral(p(m, DCAT, "byteSize"), m.createTypedLiteral(Long.toString(dump.bytes()),
                            XSDDatatype.XSDnonNegativeInteger))
                    .addLiteral(p(m, VOID, "triples"), integer(m, dump.quads()))
                    // the newest import the dump holds: after an import the dumps follow a moment later
                    .addLiteral(DCTerms.modified, m.createTypedLiteral(dump.modified(), XSDDatatype.XSDdateTime))
                    .addProperty(p(m, SPDX, "checksum"), m.createResource()
                            .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
                            .addProperty(p(m, SPDX, "algorithm"), m.createResource(SPDX + "checksumAlgorithm_sha256"))
                            .addLiteral(p(m, SPDX, "checksumValue"), m.createTypedLiteral(dump.sha256(),
                                    XSDDatatype.XSDhexBinary)));
            d.addProperty(p(m, DCAT, "distribution"), dist);
        }
        return m;
    }

    private static Property p(Model m, String ns, String local) {
        return m.createProperty(ns, local);
    }

    private static org.apache.jena.rdf.model.Literal integer(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }

    static Query load(String name) {
        try (InputStream in = DatasetDescription.class.getResourceAsStream(name)) {
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
