package org.skillgraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Says {@code Connection: close} on an answer that leaves its request's body unread: a refusal (a 401 import, a
 * SPARQL update, a 415) answered before the body was read. Jetty closes such a connection once the answer is sent,
 * since it will not wait for a body nobody reads, but the answer did not say so: a client that kept the connection
 * for its next request (Java's HttpClient, Python's requests) sent that request into a closed socket and got no
 * answer at all ("header parser received no bytes", "RemoteDisconnected").
 */
final class UnreadBodies implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp
                && !resp.isCommitted() && hasBody(req) && !finished(req)) {
            resp.setHeader("Connection", "close");
        }
    }

    /** Whether the request says it has a body (a length above 0, or a chunked one). */
    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    /** Whether the body was read to its end; a body read through {@code getReader()} is taken as read. */
    private static boolean finished(HttpServletRequest req) throws IOException {
        try {
            return req.getInputStream().isFinished();
        } catch (IllegalStateException readThroughReader) {
            return true;
        }
    }
}
