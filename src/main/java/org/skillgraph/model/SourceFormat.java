package org.skillgraph.model;

/** The document formats skillgraph reads, detected by content. */
public enum SourceFormat {
    /** The JSON framework export (generator LER.me). */
    JSON_EXPORT("application/json"),
    /** An NSX framework page as a browser renders it to plain text. */
    NSX_TEXT("text/plain"),
    /** An NSX framework page as HTML. */
    NSX_HTML("text/html");

    private final String mediaType;

    SourceFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
