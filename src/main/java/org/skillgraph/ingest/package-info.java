/**
 * The import pipeline: files → {@link org.skillgraph.read} → {@link org.skillgraph.map} →
 * {@link org.skillgraph.store}, one document at a time so that memory does not grow with the batch.
 * {@link Importer} is the entry point; {@link ImportReport} says what happened to every file.
 */
package org.skillgraph.ingest;
