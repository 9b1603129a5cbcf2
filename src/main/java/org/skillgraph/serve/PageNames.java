package org.skillgraph.serve;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Resource;

/**
 * Names a page shows for other resources, each kept or looked up by the given lookup. A server keeps them
 * across pages while the data stays as it is ({@link LiveData}); {@link #onePage()} keeps them for one page.
 * <p>
 * They are worth keeping: the vocabulary's terms are named on every page (and sorting by them asks for each
 * many times), and a shared resource (an O*NET anchor, a cited source) has its label stated in every document
 * that uses it, so reading it from the union graph scans hundreds of graphs.
 */
interface PageNames {
    /** The name of a vocabulary term (a type or a property). */
    String term(Resource term, Supplier<String> lookup);

    /** The label of a resource of the data (see {@link Labels#of}). */
    String label(Resource r, Supplier<String> lookup);

    /** The citation chip's label of a cited source, if it has one. */
    Optional<String> chip(Resource source, Supplier<Optional<String>> lookup);

    /** Names kept for one page. */
    static PageNames onePage() {
        Map<Resource, String> terms = new HashMap<>();
        Map<Resource, String> labels = new HashMap<>();
        Map<Resource, Optional<String>> chips = new HashMap<>();
        return new PageNames() {
            @Override
            public String term(Resource term, Supplier<String> lookup) {
                return terms.computeIfAbsent(term, t -> lookup.get());
            }

            @Override
            public String label(Resource r, Supplier<String> lookup) {
                return labels.computeIfAbsent(r, x -> lookup.get());
            }

            @Override
            public Optional<String> chip(Resource source, Supplier<Optional<String>> lookup) {
                return chips.computeIfAbsent(source, x -> lookup.get());
            }
        };
    }

    /** Names kept while the data stays as it is, in caches of {@code live}. */
    static PageNames kept(LiveData live) {
        LiveData.Cache<Resource, String> terms = live.cache(10_000);
        LiveData.Cache<Resource, String> labels = live.cache(50_000);
        LiveData.Cache<Resource, Optional<String>> chips = live.cache(50_000);
        return new PageNames() {
            @Override
            public String term(Resource term, Supplier<String> lookup) {
                return terms.get(term, lookup);
            }

            @Override
            public String label(Resource r, Supplier<String> lookup) {
                return labels.get(r, lookup);
            }

            @Override
            public Optional<String> chip(Resource source, Supplier<Optional<String>> lookup) {
                return chips.get(source, lookup);
            }
        };
    }
}
