/**
 * Stage 4: the TDB2 store. {@link GraphStore} keeps one named graph per source document (replaced
 * atomically in one write transaction), the ontology in its own named graph, and answers SPARQL over
 * the union of all graphs as the default graph.
 */
package org.skillgraph.store;
