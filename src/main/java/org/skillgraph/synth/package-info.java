/**
 * Synthetic source documents at real scale: {@link SyntheticCorpus} writes N deterministic documents that
 * mirror the seeds (JSON exports, NSX pages as text and as HTML), for tests and benchmarks of the pipeline
 * on a thousand occupations. Every generated page is meant to import with no rejection and no flag: its
 * statements are made of real English words, so the reader's WordNet-based splitter recovers the glue.
 * The generator is internal; {@link SyntheticCorpus} is the entry point.
 */
package org.skillgraph.synth;
