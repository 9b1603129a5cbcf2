/**
 * Stage 3: the quality gate between a document's mapped graph and the store.
 * <p>{@link QualityGate} validates ONE document graph at a time against the SHACL shapes shipped in
 * {@code shapes/*.ttl} (SHACL Core and SHACL-SPARQL, run by jena-shacl) and returns a {@link Verdict}: its
 * {@link Finding}s, each with the resource (URI and label), the property path, the message, the severity and
 * the shape that found it. The contract:</p>
 * <ul>
 * <li>a {@code sh:Violation} refuses the document: it must not be stored, and the store keeps what it held;</li>
 * <li>a {@code sh:Warning} (or {@code sh:Info}) is reported and the document is stored;</li>
 * <li>validation reads the document graph only, never the store: a verdict depends on the document alone.</li>
 * </ul>
 * <p>{@link ValidationLog} collects the verdicts of a run into one machine-readable Turtle file: one
 * {@code sh:ValidationReport} per document, with {@code dcterms:subject} its graph and {@code dcterms:source}
 * its file.</p>
 */
package org.skillgraph.validate;
