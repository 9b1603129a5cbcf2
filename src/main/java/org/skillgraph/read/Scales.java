package org.skillgraph.read;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The two proficiency scales the sources use, lowest level first. */
final class Scales {
    /** The occupational and AI-usage frameworks' scale. */
    static final List<String> OCCUPATIONAL = List.of("emerging", "developing", "proficient", "advanced");
    /** The durable-skills framework's scale. */
    static final List<String> DURABLE = List.of("emerging", "developing", "applying", "exceeding");

    private Scales() {
    }

    static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    static int rank(List<String> scale, String key) {
        return scale.indexOf(key) + 1;
    }

    static void requireLevel(List<String> scale, String key, Supplier<SourceException> error) {
        if (!scale.contains(key)) {
            throw error.get();
        }
    }
}
