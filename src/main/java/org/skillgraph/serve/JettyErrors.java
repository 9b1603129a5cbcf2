package org.skillgraph.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers, for a request it refuses before any servlet sees it (a malformed {@code %}-escape or
 * an ambiguous path such as {@code %2F} or {@code %2e%2e}), given as the site's other errors are: plain text saying
 * what is wrong, and readable by a script on another site (the site's CORS policy allows every origin). Jetty's
 * default is an HTML page naming the path {@code /badMessage}, without CORS, whatever the client accepts.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String reason = HttpStatus.getMessage(code);
        String detail = message == null || message.isBlank() || message.equals(reason)
                ? (code == HttpStatus.BAD_REQUEST_400 ? "the request cannot be read: a malformed %-escape or a "
                        + "character a URL may not hold in its path, or a malformed header" : null)
                : message;
        byte[] body = (reason + (detail == null ? "" : ": " + detail) + "\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, SkillgraphServer.Builder.ALLOWED_ORIGINS);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
