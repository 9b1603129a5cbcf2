package org.skillgraph.map;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.skillgraph.model.AnchorKind;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.Keys;

/**
 * The URI scheme: readable, deterministic, stable. Everything the graph describes lives under
 * {@code {base}id/}; document graphs are named under {@code {base}graph/}.
 * <pre>
 * {base}id/occupation/29-2011.00
 * {base}id/framework/29-2011.00/occupational/v.26.05                      (also ai-usage, durable-skills)
 * {base}id/framework/29-2011.00/occupational/v.26.05/progression
 * {base}id/framework/29-2011.00/occupational/v.26.05/level/emerging
 * {base}id/framework/29-2011.00/occupational/v.26.05/level/emerging/statement/1
 * {base}id/framework/29-2011.00/durable-skills/v.26.05/level/emerging/statement/communication-1
 * {base}id/framework/29-2011.00/durable-skills/v.26.05/domain/communication
 * {base}id/anchor/skill/critical-thinking     {base}id/scheme/skill     {base}id/cip/26.0401
 * {base}id/source/anthropic-economic-index    {base}graph/29-2011.00/v.26.05
 * </pre>
 */
public final class Uris {
    private static final int MAX_SLUG = 80;
    private final String base;

    public Uris(String base) {
        this.base = normalise(base);
    }

    /** The base with exactly one trailing slash. */
    public static String normalise(String base) {
        String b = base.strip();
        return b.endsWith("/") ? b : b + "/";
    }

    public String base() {
        return base;
    }

    public String occupation(String soc) {
        return base + "id/occupation/" + soc;
    }

    public String socGroup(String soc) {
        return base + "id/soc-group/" + soc.substring(0, 2) + "-0000";
    }

    public String framework(String soc, FrameworkKind kind, String version) {
        return base + "id/framework/" + soc + "/" + kind.slug() + "/" + version;
    }

    public String progression(String framework) {
        return framework + "/progression";
    }

    public String level(String framework, String levelKey) {
        return framework + "/level/" + levelKey;
    }

    public String statement(String framework, String levelKey, String domainKey, int position) {
        return level(framework, levelKey) + "/statement/" + (domainKey == null ? "" : domainKey + "-") + position;
    }

    public String domain(String framework, String domainKey) {
        return framework + "/domain/" + domainKey;
    }

    public String anchor(AnchorKind kind, String label) {
        return base + "id/anchor/" + kind.slug() + "/" + boundedSlug(label);
    }

    public String anchorScheme(AnchorKind kind) {
        return base + "id/scheme/" + kind.slug();
    }

    public String scheme(String name) {
        return base + "id/scheme/" + name;
    }

    public String cip(String code) {
        return base + "id/cip/" + code;
    }

    public String source(String key) {
        return base + "id/source/" + key;
    }

    public String evidence(String soc, String version) {
        return occupation(soc) + "/evidence/" + version;
    }

    public String taskListing(String soc, String version, int position) {
        return occupation(soc) + "/tasks/" + version + "/" + position;
    }

    public String graph(String soc, String version) {
        return base + "graph/" + soc + "/" + version;
    }

    /** Whether {@code uri} is a resource under {@code {base}id/}, which has a {@link #ctid}. */
    public boolean isResource(String uri) {
        return uri.startsWith(base + "id/");
    }

    /**
     * The CTID of a resource under {@code {base}id/}: derived from its path without the base and without
     * the framework-version segment, so it is the same across deployments and versions.
     */
    public String ctid(String uri) {
        if (!isResource(uri)) {
            throw new IllegalArgumentException("not a resource URI of this base: " + uri);
        }
        String key = uri.substring(base.length() + 3).replaceAll("/v\\.[0-9][0-9.]*(?=/|$)", "");
        return Ctids.of(key);
    }

    /** A slug short enough for a URI: long labels (task statements) keep 80 characters and a hash. */
    static String boundedSlug(String label) {
        String slug = Keys.slug(label);
        if (slug.length() <= MAX_SLUG) {
            return slug;
        }
        String cut = slug.substring(0, MAX_SLUG);
        int dash = cut.lastIndexOf('-');
        if (dash > MAX_SLUG / 2) {
            cut = cut.substring(0, dash);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            return cut + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
