package org.skillgraph.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers of the SPARQL endpoint, kept until the data changes. The data changes only when an import commits, so
 * the same query asked again in the same generation of the data ({@link LiveData}) has the same answer: the
 * whole-store reports of the query library take a second or more to compute at a thousand occupations and a
 * millisecond to send again. An answer is kept under its query as parsed and written out again by Jena (so that
 * layout and comments do not matter), the request's {@code Accept} header and its other parameters.
 * <p>
 * Bounded by bytes: at most {@code maxBytes} in all (the answers least likely to be asked for again go first,
 * Caffeine's W-TinyLFU), and none larger than {@code maxAnswerBytes}. Emptied at every change of the data; an
 * answer computed by a request that began in an earlier generation is neither kept nor served.
 */
final class QueryResults {
    /**
     * An answer as sent: its media type, the headers sent with it that say how it may be cached and by what
     * it varies ({@link #HEADERS}), its bytes.
     */
    record Answer(String contentType, java.util.Map<String, String> headers, byte[] body, long generation,
                  long madeMillis) {
    }

    /** The headers of a computed answer that its kept copy is sent with too. */
    static final java.util.List<String> HEADERS = java.util.List.of("Cache-Control", "Pragma", "Vary", "Server");

    private final Cache<String, Answer> answers;
    private final LiveData live;
    private final int maxAnswerBytes;

    QueryResults(LiveData live, long maxBytes, int maxAnswerBytes) {
        this.live = live;
        this.maxAnswerBytes = maxAnswerBytes;
        this.answers = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String key, Answer a) -> 2 * key.length() + a.body().length + 256).build();
        live.onChange(answers::invalidateAll);
    }

    /** The largest answer kept, in bytes. */
    int maxAnswerBytes() {
        return maxAnswerBytes;
    }

    /** The generation of the data now: note it before a query's read transaction begins. */
    long generation() {
        return live.generation();
    }

    /** The kept answer for {@code key}, if it was made in the current generation of the data. */
    Answer get(String key) {
        Answer a = answers.getIfPresent(key);
        return a != null && a.generation() == live.generation() ? a : null;
    }

    /** Keeps an answer made by a request that began in {@code generation}, unless the data has changed since. */
    void put(String key, String contentType, java.util.Map<String, String> headers, byte[] body, long generation) {
        if (body.length <= maxAnswerBytes && generation == live.generation() && (generation & 1) == 0) {
            // (an odd generation: an import was committing when the request began, so which data it saw is unknown)
            answers.put(key, new Answer(contentType, java.util.Map.copyOf(headers), body, generation,
                    System.currentTimeMillis()));
        }
    }

    /**
     * Whether the query's answer depends only on the data: not when it asks for the time ({@code NOW()}), random
     * numbers or identifiers ({@code RAND()}, {@code UUID()}, {@code STRUUID()}; a sample drawn with
     * {@code ORDER BY RAND()} must differ each time), or another endpoint's data ({@code SERVICE}), which can change
     * without an import here. {@code text} is the query as written: one naming none of these words is not
     * compiled and walked.
     */
    static boolean sameAnswerEachTime(org.apache.jena.query.Query query, String text) {
        // most queries name none of these words: no need to compile and walk them
        if (!MAY_VARY.matcher(text).find()) {
            return true;
        }
        boolean[] varies = {false};
        org.apache.jena.sparql.expr.ExprVisitor exprs = new org.apache.jena.sparql.expr.ExprVisitorBase() {
            @Override
            public void visit(org.apache.jena.sparql.expr.ExprFunction0 f) {
                varies[0] |= f instanceof org.apache.jena.sparql.expr.E_Now
                        || f instanceof org.apache.jena.sparql.expr.E_Random
                        || f instanceof org.apache.jena.sparql.expr.E_UUID
                        || f instanceof org.apache.jena.sparql.expr.E_StrUUID;
            }
        };
        // Jena's walker visits the expressions of filters, BINDs and the like; those of ORDER BY and of aggregates
        // are walked here
        org.apache.jena.sparql.algebra.OpVisitor ops = new org.apache.jena.sparql.algebra.OpVisitorBase() {
            @Override
            public void visit(org.apache.jena.sparql.algebra.op.OpService service) {
                varies[0] = true;
            }

            @Override
            public void visit(org.apache.jena.sparql.algebra.op.OpOrder order) {
                order.getConditions().forEach(c -> org.apache.jena.sparql.algebra.walker.Walker.walk(c.getExpression(), exprs));
            }

            @Override
            public void visit(org.apache.jena.sparql.algebra.op.OpTopN top) {
                top.getConditions().forEach(c -> org.apache.jena.sparql.algebra.walker.Walker.walk(c.getExpression(), exprs));
            }

            @Override
            public void visit(org.apache.jena.sparql.algebra.op.OpGroup group) {
                group.getAggregators().forEach(a -> {
                    if (a.getAggregator().getExprList() != null) {
                        a.getAggregator().getExprList().forEach(e -> org.apache.jena.sparql.algebra.walker.Walker.walk(e, exprs));
                    }
                });
            }
        };
        org.apache.jena.sparql.algebra.walker.Walker.walk(org.apache.jena.sparql.algebra.Algebra.compile(query), ops, exprs);
        return !varies[0];
    }

    /** The words a query whose answer can change without an import must contain (and others may). */
    private static final java.util.regex.Pattern MAY_VARY = java.util.regex.Pattern.compile(
            "now|rand|uuid|service", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** How many answers are kept (for tests). */
    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }
}
