package org.skillgraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads to its end, and throws away, the body of a request answered without reading it all (a refusal: a 401 or 413
 * import, a SPARQL update, a 415, a 413 query, a graph-store write Fuseki refuses with 405), so that its answer
 * arrives. A server that closes a connection with part of the body unread makes its system reset the connection, and
 * a client still sending loses the answer ("header parser received no bytes", a broken pipe): about one refused 4 MB
 * upload in ten did here. This is what Apache httpd and nginx do before they close (their "lingering close"); the
 * connection then stays open for the client's next request.
 *
 * <p>The body is not read, and the answer says {@code Connection: close} (Jetty closes a connection whose body
 * nobody read, and a client that kept it would send its next request into a closed socket), when the client waits to
 * be asked for it ({@code Expect: 100-continue}, which curl sends for a large upload: it then sends nothing), when it
 * says it is longer than {@link #MOST_READ}, or when it does not end within that many bytes or
 * {@link #MOST_WAITED_MS} (a client that stops sending holds its thread until Jetty's idle timeout, as any body does).
 * An answer sent before its servlet returns (a page of more than the output buffer to a GET that carries a body) is
 * beyond it: Jetty still closes that connection, without the header.
 */
final class UnreadBodies implements Filter {
    /** The longest body read to be thrown away: twice the largest the site takes, a document of 8 MB to import. */
    static final long MOST_READ = 16L * 1024 * 1024;
    /** How long a body is read to be thrown away, at most. */
    static final long MOST_WAITED_MS = 10_000;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http && response instanceof HttpServletResponse resp)
                || !hasBody(http)) {
            chain.doFilter(request, response);
            return;
        }
        Asked req = new Asked(http);
        // an error may be committed before the servlet returns (sendError counts as committed at once, and Fuseki
        // flushes the errors it writes itself): the body is read when the error status is set
        chain.doFilter(req, new HttpServletResponseWrapper(resp) {
            @Override
            public void setStatus(int sc) {
                if (sc >= 400) {
                    settle(req, resp);
                }
                super.setStatus(sc);
            }

            @Override
            public void sendError(int sc) throws IOException {
                settle(req, resp);
                super.sendError(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                settle(req, resp);
                super.sendError(sc, msg);
            }
        });
        if (!resp.isCommitted()) {
            settle(req, resp);
        }
    }

    /** Reads the rest of an unread body, or says {@code Connection: close} on the answer when it will not. */
    private static void settle(Asked req, HttpServletResponse resp) {
        if (req.waiting() || !readToTheEnd(req)) {
            resp.setHeader("Connection", "close");
        }
    }

    /** Whether the request says it has a body (a length above 0, or a chunked one). */
    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    /**
     * Reads what is left of the body and throws it away; whether it ended within the bounds. A form nobody read
     * through its stream is read whole by Jetty when its parameters are first asked for (here, if nobody did: a form
     * within Jetty's limit keeps its connection); its stream then says nothing of its end.
     */
    private static boolean readToTheEnd(Asked asked) {
        HttpServletRequest req = (HttpServletRequest) asked.getRequest();
        if (form(req) && !asked.streamed) {
            try {
                req.getParameterMap();
                return true;
            } catch (RuntimeException tooLargeOrMalformed) {
                return false;
            }
        }
        if (asked.read || req.getContentLengthLong() > MOST_READ) {
            // a body read through its reader (none of this server's servlets does) could be read on only through it
            return false;
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MOST_WAITED_MS);
        try {
            InputStream in = req.getInputStream();
            byte[] buffer = new byte[8192];
            for (long left = MOST_READ; left > 0 && System.nanoTime() < until; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return true;
                }
                left -= n;
            }
            return false;
        } catch (IOException | RuntimeException goneTimedOutOrUnreadable) {
            // the client went, stopped sending for Jetty's idle timeout, or sent a malformed chunk
            return false;
        }
    }

    /** Whether the body is a form, whose parameters Jetty reads from it when the first is asked for. */
    private static boolean form(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * The request, noting how its body was asked for: through its stream or its reader (after which a form's
     * parameters do not come from the body), or as a form's parameters or parts. A client that expected 100 sends
     * the body once it is asked for.
     */
    private static final class Asked extends HttpServletRequestWrapper {
        volatile boolean streamed;
        volatile boolean read;
        volatile boolean asked;

        Asked(HttpServletRequest request) {
            super(request);
        }

        /**
         * Whether the client still waits to be asked for the body (it said {@code Expect: 100-continue}, and nobody
         * asked): it sends nothing, and even asking whether the body is finished would have Jetty ask for it.
         */
        boolean waiting() {
            return !asked && "100-continue".equalsIgnoreCase(String.valueOf(getHeader("Expect")).strip());
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            asked = streamed = true;
            return super.getInputStream();
        }

        @Override
        public BufferedReader getReader() throws IOException {
            asked = streamed = read = true;
            return super.getReader();
        }

        @Override
        public String getParameter(String name) {
            asked |= form(this);
            return super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            asked |= form(this);
            return super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            asked |= form(this);
            return super.getParameterNames();
        }

        @Override
        public String[] getParameterValues(String name) {
            asked |= form(this);
            return super.getParameterValues(name);
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            asked = true;
            return super.getParts();
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            asked = true;
            return super.getPart(name);
        }
    }
}
