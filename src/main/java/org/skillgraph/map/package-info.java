/**
 * Stage 2: map a {@link org.skillgraph.model.SourceDocument} onto RDF with SKOS, CTDL-ASN and the
 * skillgraph ontology. {@link DocumentMapper#map} is a pure function of the document, the base URI and
 * the import time: the same document always gives the same graph and the same URIs ({@link Uris}) and
 * CTIDs ({@link Ctids}), on any machine.
 */
package org.skillgraph.map;
