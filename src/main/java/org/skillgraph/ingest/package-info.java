/**
 * The import pipeline: files → {@link org.skillgraph.read} → {@link org.skillgraph.map} →
 * {@link org.skillgraph.validate} → {@link org.skillgraph.store}, one document at a time so that memory does
 * not grow with the batch. {@link DocumentChecker} reads, maps and validates (and is the dry run of the
 * {@code validate} command); {@link Importer} stores what it accepts, in batches of whole documents;
 * {@link ImportReport} says what happened to every file.
 */
package org.skillgraph.ingest;
