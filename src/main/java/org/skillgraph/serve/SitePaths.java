package org.skillgraph.serve;

import java.net.URI;
import org.skillgraph.map.Uris;

/**
 * Where things are on the site. The base URI is configuration: the server answers for the paths under the
 * base's path on whatever host and port it is reached at, and its own links are host-relative paths, so
 * {@code https://data.example.org/id/…} URIs work behind a proxy and on localhost alike.
 */
final class SitePaths {
    private final String base;
    private final String path;
    private final String publicOrigin;

    SitePaths(String base) {
        this(base, null);
    }

    /**
     * @param publicUrl where the site is published ({@code https://data.example.org/}), used for the absolute
     *                  URLs of harvest documents; {@code null} to take them from each request
     */
    SitePaths(String base, String publicUrl) {
        this.base = Uris.normalise(base);
        String p = URI.create(this.base).getPath();
        this.path = p == null || p.isEmpty() ? "/" : p;
        if (publicUrl == null) {
            this.publicOrigin = null;
        } else {
            URI u = URI.create(publicUrl);
            this.publicOrigin = u.getScheme() + "://" + u.getRawAuthority();
        }
    }

    /** The origin ({@code scheme://host:port}) absolute URLs are built on: the public URL's, or the request's. */
    String origin(jakarta.servlet.http.HttpServletRequest req) {
        if (publicOrigin != null) {
            return publicOrigin;
        }
        StringBuffer url = req.getRequestURL();
        return url.substring(0, url.indexOf("/", url.indexOf("//") + 2));
    }

    /** The base URI of the data, ending in a slash. */
    String base() {
        return base;
    }

    /** The base's path, ending in a slash ({@code /} by default). */
    String root() {
        return path;
    }

    /** The site path of a URI under the base ({@code {base}id/x} → {@code /id/x}), or the URI itself. */
    String href(String uri) {
        if (uri.startsWith(base)) {
            return path + uri.substring(base.length());
        }
        if (uri.startsWith(org.skillgraph.vocab.SG.NS)) {
            return path + "ontology#" + uri.substring(org.skillgraph.vocab.SG.NS.length());
        }
        return uri;
    }

    /**
     * The parts of the base, besides {@code id/}, whose URIs name things of the data: the named graphs (each document
     * graph also a resource, its source document; and the change feed's graph) and the change feed's entries. They
     * have documents too, under {@code /doc/} with their part's name: no resource under {@code id/} starts with these.
     */
    private static final java.util.List<String> NAMED = java.util.List.of("graph/", "changes/");

    /** Whether {@code uri} has a document under {@code /doc/}: a resource of the data under the base. */
    boolean hasDocument(String uri) {
        if (!uri.startsWith(base)) {
            return false;
        }
        String rest = uri.substring(base.length());
        return rest.startsWith("id/") || NAMED.stream().anyMatch(rest::startsWith);
    }

    /**
     * The document path of a resource URI under the base: {@code {base}id/x} → {@code /doc/x};
     * {@code {base}graph/x} → {@code /doc/graph/x}.
     */
    String document(String uri) {
        String rest = uri.substring(base.length());
        return path + "doc/" + (rest.startsWith("id/") ? rest.substring(3) : rest);
    }

    /** The resource URI for a site path below {@code id/} or {@code doc/} ({@code rest} without either). */
    String resource(String rest) {
        return NAMED.stream().anyMatch(rest::startsWith) ? base + rest : base + "id/" + rest;
    }

    /**
     * A request's path below the base's path, percent-decoded ({@code '+'} is a plus), its {@code ;} parameters kept
     * as part of the path: Jetty's {@code URIUtil.decodePath} (as {@code getPathInfo}) drops them, which made
     * {@code /id/x;y} the URI {@code {base}id/x}, a resource the request did not name.
     */
    String below(jakarta.servlet.http.HttpServletRequest req) {
        String raw = req.getRequestURI().substring(path.length());
        // an encoded ';' is kept by decodePath as the character it stands for, which a raw one also is in a URI's path
        return org.eclipse.jetty.util.URIUtil.decodePath(raw.replace(";", "%3B"));
    }

    /** The path of a page of the site: {@code page("search")} → {@code /search}. */
    String page(String name) {
        return path + name;
    }
}
