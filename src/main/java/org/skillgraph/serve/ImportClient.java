package org.skillgraph.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.SourceFiles;
import org.skillgraph.read.SourceReader;
import org.skillgraph.store.GraphStore;
import org.skillgraph.store.StoreException;

/**
 * Hands files to the server that holds a store ({@link RunningServer}), one {@code POST /import} each, and
 * reports each as {@code ingest} does. A server that cannot be reached or refuses the token is a
 * {@link StoreException}; a document it rejects is a rejected entry naming the file and the place in it.
 */
public final class ImportClient {
    private final RunningServer server;
    private final String token;

    public ImportClient(RunningServer server) {
        this.server = server;
        try {
            this.token = Files.readString(server.tokenFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new StoreException(where() + "; its import token " + server.tokenFile() + " cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Sends every file under {@code paths} (folders recursively), in order; {@code progress} may be null. */
    public ImportReport importPaths(List<Path> paths, PrintWriter progress) {
        SourceFiles.Found found = SourceFiles.expand(paths);
        List<ImportReport.Entry> entries = new ArrayList<>();
        for (SourceFiles.Rejection r : found.problems()) {
            entries.add(rejected(r.path(), r.message()));
        }
        int n = 0;
        for (Path file : found.files()) {
            ImportReport.Entry e = send(file);
            entries.add(e);
            if (progress != null) {
                progress.printf("[%d/%d] %s%n", ++n, found.files().size(), e.describe());
                e.warnings().forEach(w -> progress.printf("    %s%n", w));
                progress.flush();
            }
        }
        return new ImportReport(entries);
    }

    private ImportReport.Entry send(Path file) {
        String name = file.getFileName().toString();
        byte[] body;
        try {
            long size = Files.size(file);
            if (size > SourceReader.DEFAULT_MAX_BYTES) {
                return rejected(file, file + ": " + size + " bytes; a document may have at most "
                        + SourceReader.DEFAULT_MAX_BYTES + " bytes");
            }
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            return rejected(file, file + ": cannot read the file (" + e.getMessage() + ")");
        }
        int status;
        String text;
        try {
            // HttpURLConnection rather than java.net.http: this command's whole run is a JVM start and one request
            // per file, and the newer client sets up TLS at construction (a third of a second) even for http
            HttpURLConnection c = (HttpURLConnection) URI.create(server.url() + "import?name="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8)).toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(300_000);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Content-Type", "application/octet-stream");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new StoreException(where() + ", which does not answer (" + e + ")", e);
        }
        if (status == 401) {
            throw new StoreException(where() + ", which refuses the import token in " + server.tokenFile());
        }
        Map<String, Object> answer;
        try {
            answer = RunningServer.flatJson(text);
        } catch (IOException | RuntimeException e) {
            return rejected(file, file + ": the server answered " + status + " without a report");
        }
        if (answer.containsKey("error") || !answer.containsKey("outcome")) {
            String error = (String) answer.getOrDefault("error", "the server answered " + status);
            // the server names the file as sent; the command line names it as given
            return rejected(file, error.startsWith(name) ? file + error.substring(name.length()) : file + ": " + error);
        }
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) answer.getOrDefault("warnings", List.of());
        return new ImportReport.Entry(file, GraphStore.Outcome.valueOf(((String) answer.get("outcome"))
                .toUpperCase(Locale.ROOT)), null, (String) answer.get("graph"),
                Long.parseLong((String) answer.getOrDefault("triples", "0")), warnings);
    }

    private String where() {
        return "the store is served by process " + server.pid() + " at " + server.url();
    }

    private static ImportReport.Entry rejected(Path file, String message) {
        return new ImportReport.Entry(file, null, message, null, 0, List.of());
    }
}
