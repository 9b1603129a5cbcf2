/**
 * The intermediate model: plain records that every source reader produces and the mapper consumes.
 * <p>Readers never build RDF and the mapper never sees source text: a {@link SourceDocument} is the
 * whole contract between the two stages. Anything a reader could not interpret is carried as a
 * {@link Flag} next to the value it kept.</p>
 */
package org.skillgraph.model;
