/**
 * One final class per vocabulary namespace the mapping uses that Jena has no class for. Terms of our own
 * ({@link SG}) are defined in {@code ontology/skillgraph.ttl}; a test checks both directions.
 */
package org.skillgraph.vocab;
