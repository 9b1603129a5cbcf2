package org.skillgraph.serve;

/** An HTTP error response to give; {@link PageServlet} turns it into a response (HTML or plain). */
class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpError notFound(String what) {
        return new HttpError(404, "Not found: " + what);
    }

    static HttpError notAcceptable(String accept) {
        return new HttpError(406, "None of the offered types (" + Format.offered() + ") is acceptable for Accept: "
                + accept);
    }

    /** 410: the resource was removed, by the change-feed entry {@code entry}. */
    static HttpError gone(String uri, String entry) {
        return new HttpError(410, "Gone: " + uri + " was removed (the change feed's " + entry + ")");
    }

    /**
     * 410: the resource was part of {@code whole}, which the change-feed entry {@code entry} removed: a resource its
     * path lies under, or the document graph of its version.
     */
    static HttpError goneWith(String uri, String whole, String entry) {
        String relation = uri.startsWith(whole + "/") ? " lies under " : " was part of ";
        return new HttpError(410, "Gone: " + uri + relation + whole + ", which was removed (the change feed's "
                + entry + ")");
    }

    /** 404 for a URI the store holds nothing of, or 410 when what it was part of was removed. */
    static HttpError unknownOrGone(org.apache.jena.rdf.model.Model union, String uri, String base) {
        return Describer.removedWith(union, uri, base).map(w -> goneWith(uri, w[1], w[0])).orElse(notFound(uri));
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }
}
