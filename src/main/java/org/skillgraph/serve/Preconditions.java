package org.skillgraph.serve;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditional requests of RFC 9110 §13 on a representation with a strong entity tag and a modification time,
 * evaluated in the order of §13.2.2: If-Match (else If-Unmodified-Since), then If-None-Match (else
 * If-Modified-Since), and If-Range last, for the Range of a request that is not refused or answered 304 before.
 * HTTP dates have whole seconds, so times are compared to the second.
 */
final class Preconditions {
    /** One entity tag of a list, weak or strong. */
    private static final Pattern TAG = Pattern.compile("(W/)?(\"[^\"]*\")");

    /** What the preconditions say about a GET or HEAD. */
    enum Outcome {
        /** Answer the request. */
        PROCEED,
        /** 304: the client's copy is current. */
        NOT_MODIFIED,
        /** 412: the representation is not the one the client asked for. */
        FAILED
    }

    private Preconditions() {
    }

    /** The outcome of the request's preconditions (GET and HEAD: a matching If-None-Match is a 304). */
    static Outcome evaluate(HttpServletRequest req, String etag, Instant modified) {
        String ifMatch = req.getHeader("If-Match");
        if (ifMatch != null ? !matches(ifMatch, etag, true) : modifiedAfter(modified, date(req, "If-Unmodified-Since"))) {
            return Outcome.FAILED;
        }
        String ifNoneMatch = req.getHeader("If-None-Match");
        long since = date(req, "If-Modified-Since");
        if (ifNoneMatch != null ? matches(ifNoneMatch, etag, false) : since >= 0 && !modifiedAfter(modified, since)) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether the request's Range applies: there is no If-Range, or it names this representation — its entity
     * tag by strong comparison, or exactly its modification time. Otherwise the whole representation is sent.
     */
    static boolean rangeApplies(HttpServletRequest req, String etag, Instant modified) {
        String ifRange = req.getHeader("If-Range");
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        long date = date(req, "If-Range");
        return date >= 0 && date / 1000 == modified.getEpochSecond();
    }

    /**
     * Whether an If-Match or If-None-Match value names the entity tag: {@code *} names any; a weak tag never
     * matches by strong comparison (If-Match), and matches by weak comparison its strong twin.
     */
    private static boolean matches(String header, String etag, boolean strong) {
        if (header.strip().equals("*")) {
            return true;
        }
        Matcher m = TAG.matcher(header);
        while (m.find()) {
            if ((!strong || m.group(1) == null) && m.group(2).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the representation changed after a date ({@code -1}, no date: false). */
    private static boolean modifiedAfter(Instant modified, long date) {
        return date >= 0 && modified.getEpochSecond() > date / 1000;
    }

    /** A date header in milliseconds, or -1 when it is absent or not an HTTP date (and so ignored, §13.1.3). */
    private static long date(HttpServletRequest req, String header) {
        try {
            return req.getDateHeader(header);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
