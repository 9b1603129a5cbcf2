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

    /** The document path of a resource URI under the base: {@code {base}id/x} → {@code /doc/x}. */
    String document(String uri) {
        return path + "doc/" + uri.substring((base + "id/").length());
    }

    /** The resource URI for a site path below {@code id/} or {@code doc/} ({@code rest} without either). */
    String resource(String rest) {
        return base + "id/" + rest;
    }

    /** The path of a page of the site: {@code page("search")} → {@code /search}. */
    String page(String name) {
        return path + name;
    }
}
