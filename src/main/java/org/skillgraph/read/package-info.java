/**
 * Stage 1: read source documents into the intermediate model ({@link org.skillgraph.model}).
 * <p>{@link SourceReader#read(java.nio.file.Path)} detects the format by content and dispatches to
 * {@link JsonExportReader} (Jackson) or {@link NsxPageReader} (one parser of the page's block/line
 * structure, fed either by the text rendering or by jsoup from the HTML page). Glued text is recovered
 * by {@link GlueSplitter} (WordNet) and {@link CitationChips}; what cannot be recovered with confidence
 * is kept whole and flagged. Every user mistake ends in a {@link SourceException} naming the file and
 * the place in it.</p>
 */
package org.skillgraph.read;
