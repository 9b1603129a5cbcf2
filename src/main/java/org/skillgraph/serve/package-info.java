/**
 * Stage 5: serve the store. {@link SkillgraphServer} embeds Fuseki: a read-only SPARQL 1.1 endpoint at
 * {@code /sparql}, linked data at {@code /id/…} (303 to a content-negotiated document at {@code /doc/…}),
 * HTML pages for people, full-text search and a query page. HTTP errors are {@link HttpError}s, turned
 * into responses in one place ({@link PageServlet}).
 */
package org.skillgraph.serve;
