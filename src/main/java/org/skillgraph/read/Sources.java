package org.skillgraph.read;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skillgraph.model.Keys;
import org.skillgraph.model.Source;

/** Builds {@link Source}s so that the same source gets the same key in every document and format. */
final class Sources {
    /** The title O*NET's citation chips give; the export's {@code sources.onet} names the same source. */
    static final String ONET_TITLE = "O*NET Resource Center";
    private static final Pattern IDENTIFIER = Pattern.compile(
            "\\b(arXiv:\\d{4}\\.\\d{4,5}(?:v\\d+)?|doi:[^\\s)]+|10\\.\\d{4,9}/[^\\s)]+|ISBN[- ]?[0-9X-]{10,17})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile(
            "\\b(release_[0-9_]+|v\\d+(?:\\.\\d+)+|version \\S+)", Pattern.CASE_INSENSITIVE);

    private Sources() {
    }

    /** A cited source, from a chip's label, title and tooltip detail. */
    static Source cited(String label, String title, String detail) {
        String identifier = find(IDENTIFIER, detail);
        String version = find(VERSION, detail);
        if (version == null) {
            version = find(VERSION, label);
        }
        return new Source(Keys.slug(title), label, title, detail, identifier, version);
    }

    /** A source credited without a chip (an export's generator, a footer entry). */
    static Source credited(String name) {
        return new Source(Keys.slug(name), null, name, null, null, find(VERSION, name));
    }

    /** O*NET, as named by an export's {@code sources.onet} field. */
    static Source onet(String version) {
        return new Source(Keys.slug(ONET_TITLE), version == null ? "O*NET" : "O*NET " + version, ONET_TITLE,
                null, null, version);
    }

    /** {@code https://skillscrosswalk.com/x} → {@code skillscrosswalk.com}; anything else as given. */
    static String hostName(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? url.strip() : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return url.strip();
        }
    }

    private static String find(Pattern p, String s) {
        if (s == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }
}
