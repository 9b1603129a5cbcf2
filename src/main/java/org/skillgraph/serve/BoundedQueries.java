package org.skillgraph.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * What a query of the server runs is stopped by the query's timeout, regular expressions included. ARQ stops a query
 * between rows; one regular expression on one text is a single step, and Java's backtracking takes exponential time
 * on some patterns ({@code REGEX("aaa…a!", "(.*a){40}$")} on 60 letters would run for years): such a query was
 * answered 503 at its timeout and kept its thread at full CPU until the server stopped. Here each {@code REGEX} runs
 * its pattern over its text through a text that gives up once the query is cancelled or this one match has taken the
 * query timeout; {@code REPLACE} and the function forms ({@code fn:matches}, {@code fn:replace}, {@code sparql:regex},
 * {@code sparql:replace}) do so first and then leave the work to ARQ, which takes as long again at most and answers
 * as ARQ answers. {@code afn:wait}, which sleeps past the timeout, and {@code afn:print}, which writes what a query
 * says into the server's log, are refused (a 400 naming them), and so is {@code apf:strSplit} ({@link ArgumentErrors}).
 */
final class BoundedQueries {
    private static final String FN = "http://www.w3.org/2005/xpath-functions#";
    private static final String SPARQL = "http://www.w3.org/ns/sparql#";
    /** The functions that run a regular expression: where its flags are among the arguments, and whether all matches. */
    private static final Regex REGEX = new Regex(2, false);
    private static final Regex REPLACE = new Regex(3, true);
    private static final Map<String, Regex> REGEX_FUNCTIONS = Map.of(FN + "matches", REGEX, SPARQL + "regex", REGEX,
            FN + "replace", REPLACE, SPARQL + "replace", REPLACE);
    /** How a function's arguments hold its regular expression: text, pattern, and flags at {@code flagsAt}. */
    private record Regex(int flagsAt, boolean all) {
    }

    private BoundedQueries() {
    }

    /** Sets, in a dataset's context, what bounds its queries by {@code timeoutMillis} (0 or less: their timeout only). */
    static void install(Context context, long timeoutMillis) {
        RewriteFactory standard = Optimize.getFactory();
        context.set(ARQConstants.sysOptimizerFactory, (RewriteFactory) cxt -> {
            Rewrite rewrite = standard.create(cxt);
            // before ARQ's optimizer, which evaluates constant expressions: those are watched too
            return op -> rewrite.rewrite(Transformer.transform(new TransformCopy(), new Watching(timeoutMillis), op));
        });
        FunctionRegistry.set(context, new Functions(FunctionRegistry.get(), timeoutMillis));
    }

    /** Replaces the {@code REGEX} and {@code REPLACE} of a query's algebra with their watched forms. */
    private static final class Watching extends ExprTransformCopy {
        private final long budget;

        Watching(long budget) {
            this.budget = budget;
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof WatchedRegex)) {
                return new WatchedRegex(args, budget);
            }
            if (func instanceof E_StrReplace && !(func instanceof WatchedReplace)) {
                return new WatchedReplace(args, budget);
            }
            return super.transform(func, args);
        }
    }

    /** {@code REGEX}, matched under watch: the same answer as ARQ's, which matches as Java does. */
    static final class WatchedRegex extends E_Regex {
        private final Watch watch;

        WatchedRegex(ExprList args, long budget) {
            super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
            this.watch = new Watch(REGEX, budget);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Boolean found = watch.run(args, env);
            return found == null ? super.eval(args) : NodeValue.booleanReturn(found);
        }

        /** Without a query's environment: ARQ's optimizer evaluating a constant expression. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            return eval(args, null);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new WatchedRegex(newArgs, watch.budget);
        }
    }

    /** {@code REPLACE}, which first finds every match under watch, and is then ARQ's. */
    static final class WatchedReplace extends E_StrReplace {
        private final Watch watch;

        WatchedReplace(ExprList args, long budget) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            this.watch = new Watch(REPLACE, budget);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            watch.run(args, env);
            return super.eval(args);
        }

        /** Without a query's environment: ARQ's optimizer evaluating a constant expression. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            return eval(args, null);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new WatchedReplace(newArgs, watch.budget);
        }
    }

    /** The pattern of one expression of a query, run over each text under watch (the last one compiled kept). */
    private static final class Watch {
        private final Regex where;
        private final long budget;
        private volatile Compiled last;

        private record Compiled(String pattern, String flags, Pattern compiled) {
        }

        Watch(Regex where, long budget) {
            this.where = where;
            this.budget = budget;
        }

        /**
         * Runs the pattern of {@code args} over their text, as ARQ is about to, through a {@link Watched} text: whether
         * it found a match, or {@code null} for arguments that are not a text, a pattern and flags, or a pattern that
         * does not compile, which are left to ARQ to report.
         */
        Boolean run(List<NodeValue> args, FunctionEnv env) {
            if (args.size() < 2 || !args.get(1).isString()
                    || (args.size() > where.flagsAt() && !args.get(where.flagsAt()).isString())) {
                return null;
            }
            String text;
            try {
                text = NodeValueOps.checkAndGetStringLiteral("regex", args.get(0)).getLiteralLexicalForm();
            } catch (ExprEvalException e) {
                return null;
            }
            String p = args.get(1).getString();
            String flags = args.size() > where.flagsAt() ? args.get(where.flagsAt()).getString() : null;
            Compiled c = last;
            if (c == null || !c.pattern().equals(p) || !java.util.Objects.equals(c.flags(), flags)) {
                try {
                    last = c = new Compiled(p, flags, RegexEngine.makePattern("regex", p, flags));
                } catch (RuntimeException e) {
                    return null;
                }
            }
            AtomicBoolean cancel = env instanceof ExecutionContext ec ? ec.getCancelSignal()
                    : env == null ? null : Context.getCancelSignal(env.getContext());
            Matcher m = c.compiled().matcher(new Watched(text, cancel, budget));
            boolean found = m.find();
            boolean any = found;
            while (found && where.all()) {
                found = m.find();
            }
            return any;
        }
    }

    /**
     * A text that a matcher reads and that stops it, with {@link QueryCancelledException}, once the query is cancelled
     * (its timeout, or its client gone) or {@code budget} milliseconds after the match began.
     */
    private static final class Watched implements CharSequence {
        private final String text;
        private final AtomicBoolean cancel;
        private final long deadline;
        private int reads;

        Watched(String text, AtomicBoolean cancel, long budget) {
            this.text = text;
            this.cancel = cancel;
            this.deadline = budget > 0 ? System.nanoTime() + budget * 1_000_000 : Long.MAX_VALUE;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && ((cancel != null && cancel.get())
                    || (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0))) {
                throw new QueryCancelledException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The function registry of the server's queries: the global one, its regular-expression functions watched and the
     * functions that would outlast or write past the query refused, whatever name reaches them ({@code java:} names,
     * {@code fn:apply}, {@code afn:call}).
     */
    private static final class Functions extends FunctionRegistry {
        private final FunctionRegistry global;
        private final long budget;

        Functions(FunctionRegistry global, long budget) {
            this.global = global;
            this.budget = budget;
        }

        @Override
        public FunctionFactory get(String uri) {
            FunctionFactory factory = global.get(uri);
            if (factory == null) {
                return null;
            }
            return u -> {
                Function f = factory.create(u);
                if (f instanceof org.apache.jena.sparql.function.library.wait
                        || f instanceof org.apache.jena.sparql.function.library.print) {
                    return refused(u, f instanceof org.apache.jena.sparql.function.library.wait
                            ? "it sleeps past the query's timeout" : "it writes into the server's log");
                }
                Regex regex = f instanceof org.apache.jena.sparql.function.library.FN_Matches ? REGEX
                        : f instanceof org.apache.jena.sparql.function.library.FN_StrReplace ? REPLACE
                        : REGEX_FUNCTIONS.get(u);
                return regex == null ? f : new WatchedFunction(f, new Watch(regex, budget));
            };
        }

        private static Function refused(String uri, String why) {
            return new Function() {
                @Override
                public void build(String u, ExprList args, Context context) {
                    throw new QueryParseException("<" + uri + "> is not offered on this server: " + why, -1, -1);
                }

                @Override
                public NodeValue exec(Binding binding, ExprList args, String u, FunctionEnv env) {
                    throw new ExprEvalException("<" + uri + "> is not offered on this server: " + why);
                }
            };
        }

        @Override
        public boolean isRegistered(String uri) {
            return global.isRegistered(uri);
        }

        @Override
        public void put(String uri, FunctionFactory f) {
            global.put(uri, f);
        }

        @Override
        public void put(String uri, Class<?> funcClass) {
            global.put(uri, funcClass);
        }

        @Override
        public FunctionFactory remove(String uri) {
            return global.remove(uri);
        }

        @Override
        public Iterator<String> keys() {
            return global.keys();
        }
    }

    /** A regular-expression function that first matches under watch, with its arguments as it is about to get them. */
    private record WatchedFunction(Function function, Watch watch) implements Function {
        @Override
        public void build(String uri, ExprList args, Context context) {
            function.build(uri, args, context);
        }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            List<NodeValue> values = new ArrayList<>(args.size());
            try {
                for (Expr e : args) {
                    values.add(e.eval(binding, env));
                }
            } catch (ExprEvalException e) {
                values = List.of(); // an argument in error: the function says so itself
            }
            watch.run(values, env);
            return function.exec(binding, args, uri, env);
        }
    }
}
