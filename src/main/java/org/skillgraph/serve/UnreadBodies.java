package org.skillgraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;

/**
 * Says {@code Connection: close} on an answer that leaves its request's body unread: a refusal (a 401 import, a
 * SPARQL update, a 415, a graph-store write Fuseki refuses with 405) answered before the body was read. Jetty closes
 * such a connection once the answer is sent, since it will not wait for a body nobody reads, but the answer did not
 * say so: a client that kept the connection for its next request (Java's HttpClient, Python's http.client) sent that
 * request into a closed socket and got no answer at all ("header parser received no bytes", "RemoteDisconnected").
 * An answer sent before its servlet returns (a page of more than the output buffer to a GET that carries a body) is
 * beyond it: Jetty still closes that connection, without the header.
 */
final class UnreadBodies implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp)
                || !hasBody(req)) {
            chain.doFilter(request, response);
            return;
        }
        // an error may be committed before the servlet returns (sendError counts as committed at once, and Fuseki
        // flushes the errors it writes itself): the header goes on when the error status is set
        chain.doFilter(req, new HttpServletResponseWrapper(resp) {
            @Override
            public void setStatus(int sc) {
                if (sc >= 400) {
                    try {
                        closeIfUnread(req, resp);
                    } catch (IOException e) {
                        resp.setHeader("Connection", "close");
                    }
                }
                super.setStatus(sc);
            }

            @Override
            public void sendError(int sc) throws IOException {
                closeIfUnread(req, resp);
                super.sendError(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                closeIfUnread(req, resp);
                super.sendError(sc, msg);
            }
        });
        if (!resp.isCommitted()) {
            closeIfUnread(req, resp);
        }
    }

    private static void closeIfUnread(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!finished(req)) {
            resp.setHeader("Connection", "close");
        }
    }

    /** Whether the request says it has a body (a length above 0, or a chunked one). */
    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    /**
     * Whether the body was read to its end. A form is read whole when its parameters are first asked for (here, if
     * nobody did: a form within Jetty's limit, whose reading keeps the connection), after which the input stream does
     * not say it is finished; a body read through {@code getReader()} is taken as read.
     */
    private static boolean finished(HttpServletRequest req) throws IOException {
        String type = req.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            try {
                req.getParameterMap();
                return true;
            } catch (RuntimeException tooLargeOrMalformed) {
                return false;
            }
        }
        try {
            return req.getInputStream().isFinished();
        } catch (IllegalStateException readThroughReader) {
            return true;
        }
    }
}
