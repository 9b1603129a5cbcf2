package org.skillgraph.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.jsoup.nodes.Document;
import org.skillgraph.harvest.CasePackages;

/**
 * The 1EdTech CASE 1.1 read API under {@code {base path}ims/case/v1p1/}: {@code CFDocuments} (paged with
 * {@code limit} and {@code offset}; {@code X-Total-Count} and {@code Link} first/prev/next/last),
 * {@code CFDocuments/{id}}, {@code CFPackages/{id}}, {@code CFItems/{id}}, {@code CFAssociations/{id}} and
 * {@code CFItemAssociations/{id}}, built by {@link CasePackages}. Errors are CASE status bodies
 * ({@code imsx_StatusInfo}): 404 {@code unknownobject} or {@code invalid_uuid}, 400
 * {@code invalid_selection_field} (paging) or {@code invalid_sort_field} (sorting is not offered), 500
 * {@code internal_server_error}. Object {@code uri}s are this server's CASE URLs: the public URL's origin
 * (or, without one, the request's) and the base path, as the harvest documents' absolute URLs are.
 */
final class CaseServlet extends PageServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern OBJECT = Pattern.compile(
            "/(CFDocuments|CFPackages|CFItems|CFAssociations|CFItemAssociations)/([^/]+)");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String JSON = "application/json";

    private final transient Dataset dataset;
    /** The CASE view of the store; it builds its catalog and association index on first use. */
    private final transient LiveData.Cache<String, CasePackages> packages;
    private final transient SitePaths site;

    CaseServlet(Dataset dataset, SitePaths site, LiveData live) {
        super(live);
        this.dataset = dataset;
        this.packages = live.cache(1);
        this.site = site;
    }

    /** A CASE error: the HTTP status, the field it is about and the CASE minor code. */
    static final class CaseError extends HttpError {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String codeMinor;

        CaseError(int status, String field, String codeMinor, String message) {
            super(status, message);
            this.field = field;
            this.codeMinor = codeMinor;
        }
    }

    @Override
    Document errorPage(int status, String message) {
        throw new UnsupportedOperationException("CASE errors are JSON");
    }

    @Override
    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            route(req, resp);
        } catch (CaseError e) {
            status(resp, e.status(), e.field, e.codeMinor, e.getMessage());
        }
    }

    /** Any other error (500 above all) as a CASE status body too. */
    @Override
    void error(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        status(resp, status, "request", status == 404 ? "unknownobject" : status == 400 ? "invalid_selection_field"
                : "internal_server_error", message);
    }

    private void route(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the path below the API's, ';' kept (getPathInfo drops path parameters: 'CFDocuments;x' is no endpoint)
        String path = site.below(req).substring(CasePackages.BASE_PATH.length() - 1);
        String caseBase = site.origin(req) + site.root() + CasePackages.BASE_PATH;
        CasePackages cases = live.read(dataset, () -> packages.get("", () -> CasePackages.of(dataset)));
        if (path.equals("/CFDocuments") || path.equals("/CFDocuments/")) {
            documents(req, resp, caseBase, cases);
            return;
        }
        Matcher m = OBJECT.matcher(path);
        if (!m.matches()) {
            throw new CaseError(404, "endpoint", "unknownobject", "Unknown Object: no CASE endpoint "
                    + req.getRequestURI() + " (this server offers CFDocuments, CFPackages, CFItems, CFAssociations "
                    + "and CFItemAssociations)");
        }
        UUID id = uuid(m.group(2));
        BiFunction<UUID, String, Optional<ObjectNode>> lookup = switch (m.group(1)) {
            case "CFDocuments" -> cases::document;
            case "CFPackages" -> cases::pack;
            case "CFItems" -> cases::item;
            case "CFAssociations" -> cases::association;
            default -> cases::itemAssociations;
        };
        ObjectNode body = lookup.apply(id, caseBase).orElseThrow(() -> new CaseError(404, "sourcedId",
                "unknownobject", "Unknown Object: no " + m.group(1).replaceFirst("s$", "") + " " + id));
        send(req, resp, json(body));
    }

    private void documents(HttpServletRequest req, HttpServletResponse resp, String caseBase, CasePackages cases)
            throws IOException {
        for (String p : List.of("sort", "orderBy")) {
            if (req.getParameter(p) != null) {
                throw new CaseError(400, p, "invalid_sort_field", "Sorting is not offered: CFDocuments come in "
                        + "one order (by occupation code, then kind of framework)");
            }
        }
        for (String p : List.of("filter", "fields")) {
            if (req.getParameter(p) != null) {
                throw new CaseError(400, p, "invalid_selection_field", "The '" + p + "' parameter is not offered");
            }
        }
        int total = cases.documentCount();
        int offset = parameter(req, "offset", 0, 0);
        int limit = parameter(req, "limit", 1, Integer.MAX_VALUE);
        if (total == 0) {
            throw new CaseError(404, "CFDocuments", "unknownobject", "Unknown Object: the store holds no CFDocuments");
        }
        if (offset >= total) {
            throw new CaseError(400, "offset", "invalid_selection_field", "offset " + offset
                    + " is past the last CFDocument (there are " + total + ", from offset 0)");
        }
        resp.setHeader("X-Total-Count", Integer.toString(total));
        if (req.getParameter("limit") != null) {
            resp.setHeader("Link", pageLinks(caseBase + "CFDocuments", offset, limit, total));
        }
        send(req, resp, json(cases.documents(caseBase, offset, limit)));
    }

    /** first, prev, next and last, as the spec's links describe them. */
    private static String pageLinks(String url, int offset, int limit, int total) {
        StringBuilder sb = new StringBuilder();
        link(sb, url, 0, limit, "first");
        if (offset > 0) {
            link(sb, url, Math.max(0, offset - limit), limit, "prev");
        }
        if ((long) offset + limit < total) {
            link(sb, url, offset + limit, limit, "next");
        }
        // the last page of the sequence this offset starts (offsets need not be multiples of the limit)
        link(sb, url, offset + (total - 1 - offset) / limit * limit, limit, "last");
        return sb.toString();
    }

    private static void link(StringBuilder sb, String url, int offset, int limit, String rel) {
        sb.append(sb.length() == 0 ? "" : ", ").append('<').append(url).append("?limit=").append(limit)
                .append("&offset=").append(offset).append(">; rel=\"").append(rel).append('"');
    }

    /** An integer query parameter: absent gives {@code absent}; not an int32 or below {@code min} is a 400. */
    private static int parameter(HttpServletRequest req, String name, int min, int absent) {
        String[] values = req.getParameterValues(name);
        if (values == null) {
            return absent;
        }
        String problem = name + " must be one integer from " + min;
        if (values.length != 1) {
            throw new CaseError(400, name, "invalid_selection_field", problem);
        }
        try {
            int n = Integer.parseInt(values[0].strip());
            if (n < min) {
                throw new CaseError(400, name, "invalid_selection_field", problem + ", not " + values[0]);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CaseError(400, name, "invalid_selection_field", problem + ", not '" + values[0] + "'");
        }
    }

    /** A CASE identifier: a UUID, compared in lowercase. */
    private static UUID uuid(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (!UUID_TEXT.matcher(lower).matches()) {
            throw new CaseError(404, "sourcedId", "invalid_uuid", "Invalid UUID: '" + text + "'");
        }
        return UUID.fromString(lower);
    }

    private static Body json(ObjectNode node) {
        try {
            return new Body(MAPPER.writeValueAsBytes(node), JSON, false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one place CASE status bodies are written: {@code imsx_StatusInfoDType}. */
    private static void status(HttpServletResponse resp, int status, String field, String codeMinor, String message)
            throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        dropBody(resp); // the CORS headers stay: browser-based CASE clients read error bodies too
        resp.setStatus(status);
        resp.setContentType(JSON + ";charset=utf-8");
        ObjectNode info = MAPPER.createObjectNode();
        info.put("imsx_codeMajor", "failure");
        info.put("imsx_severity", "error");
        info.put("imsx_description", message);
        info.putObject("imsx_codeMinor").putArray("imsx_codeMinorField").addObject()
                .put("imsx_codeMinorFieldName", field).put("imsx_codeMinorFieldValue", codeMinor);
        resp.getOutputStream().write(MAPPER.writeValueAsString(info).getBytes(StandardCharsets.UTF_8));
    }
}
