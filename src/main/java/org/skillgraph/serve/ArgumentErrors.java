package org.skillgraph.serve;

import java.util.Iterator;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunction;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * The property functions of the global registry ({@code text:query}, {@code apf:…}, {@code list:…}), each of which
 * reports arguments it cannot take, such as {@code ?s text:query (1 2 3 4 5 6)}, as a late syntax error rather than an
 * error of the server. A property function checks its arguments as the query's plan is built ({@code build}), and says
 * what is wrong with a {@link QueryBuildException}, which Fuseki answers with a 500 (and a stack trace in its log);
 * a {@link QueryParseException} there is a 400 with the message in plain text, as for a syntax error. Set in a
 * dataset's context, it is the registry the dataset's queries look property functions up in.
 */
final class ArgumentErrors extends PropertyFunctionRegistry {
    private final PropertyFunctionRegistry global;

    private ArgumentErrors(PropertyFunctionRegistry global) {
        this.global = global;
    }

    /** Sets the registry in a context: its queries' property functions are the global ones, reporting so. */
    static void install(Context context) {
        PropertyFunctionRegistry.set(context, new ArgumentErrors(PropertyFunctionRegistry.get()));
    }

    @Override
    public PropertyFunctionFactory get(String uri) {
        PropertyFunctionFactory factory = global.get(uri);
        return factory == null ? null : u -> {
            PropertyFunction f = factory.create(u);
            // its regular expression runs unwatched by the query's timeout (see BoundedQueries), whatever name reaches it
            return f instanceof org.apache.jena.sparql.pfunction.library.strSplit ? new Refused() : new Reporting(f);
        };
    }

    @Override
    public boolean manages(String uri) {
        return global.manages(uri);
    }

    @Override
    public boolean isRegistered(String uri) {
        return global.isRegistered(uri);
    }

    @Override
    public void put(String uri, PropertyFunctionFactory factory) {
        global.put(uri, factory);
    }

    @Override
    public PropertyFunctionFactory remove(String uri) {
        return global.remove(uri);
    }

    @Override
    public Iterator<String> keys() {
        return global.keys();
    }

    /** apf:strSplit, which splits a text at a regular expression that nothing stops: refused, naming REPLACE. */
    private record Refused() implements PropertyFunction {
        @Override
        public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
            throw new QueryParseException("<" + predicate.getURI() + "> is not offered on this server: its regular "
                    + "expression would run past the query's timeout (REGEX and REPLACE stop with it)", -1, -1);
        }

        @Override
        public QueryIterator exec(QueryIterator input, PropFuncArg subject, Node predicate, PropFuncArg object,
                ExecutionContext cxt) {
            throw new QueryParseException("<" + predicate.getURI() + "> is not offered on this server", -1, -1);
        }
    }

    private record Reporting(PropertyFunction function) implements PropertyFunction {
        @Override
        public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
            try {
                function.build(subject, predicate, object, cxt);
            } catch (QueryBuildException e) {
                throw new QueryParseException("Bad arguments to <" + predicate.getURI() + ">: " + e.getMessage(),
                        e, -1, -1);
            }
        }

        @Override
        public QueryIterator exec(QueryIterator input, PropFuncArg subject, Node predicate, PropFuncArg object,
                ExecutionContext cxt) {
            return function.exec(input, subject, predicate, object, cxt);
        }
    }
}
