package org.skillgraph.model;

import java.text.Normalizer;
import java.util.Locale;

/** Stable, readable keys for URI path segments, derived from labels. */
public final class Keys {
    private Keys() {
    }

    /**
     * A lowercase ASCII slug: {@code "Judgment and Decision Making"} → {@code judgment-and-decision-making},
     * {@code "O*NET Resource Center"} → {@code onet-resource-center}.
     */
    public static String slug(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[*'\u2019]", "");
        s = s.replaceAll("[^a-z0-9.]+", "-").replaceAll("\\.(?![0-9])|(?<![0-9])\\.", "-");
        s = s.replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "x" : s;
    }
}
