package org.skillgraph.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.skillgraph.ingest.Importer;

/** The ontology file is the source of truth for our terms: the Java vocabulary must match it both ways. */
class OntologyVocabularyTest {
    private final Model ontology = RDFDataMgr.loadModel("ontology/skillgraph.ttl");

    @Test
    void everyConstantIsDefinedInTheOntologyWithLabelAndComment() throws IllegalAccessException {
        for (String uri : constants()) {
            Resource r = ontology.createResource(uri);
            assertTrue(ontology.contains(r, RDF.type), uri + " is not declared in ontology/skillgraph.ttl");
            assertTrue(ontology.contains(r, RDFS.label), uri + " has no rdfs:label");
            assertTrue(ontology.contains(r, RDFS.comment), uri + " has no rdfs:comment");
        }
    }

    @Test
    void everyOntologyTermHasAConstant() throws IllegalAccessException {
        Set<String> declared = new TreeSet<>();
        ontology.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && s.getURI().startsWith(SG.NS)) {
                declared.add(s.getURI());
            }
        });
        assertEquals(declared, constants());
    }

    @Test
    void theShippedOntologyIsTheFileAndDeclaresItself() {
        Model shipped = Importer.ontology();
        assertTrue(shipped.isIsomorphicWith(ontology), "the jar's ontology differs from ontology/skillgraph.ttl");
        assertTrue(ontology.contains(ontology.createResource(SG.ONTOLOGY), RDF.type, OWL.Ontology));
    }

    private static Set<String> constants() throws IllegalAccessException {
        Set<String> out = new TreeSet<>();
        for (Field f : SG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof Resource r) {
                out.add(r.getURI());
            }
        }
        return out;
    }
}
