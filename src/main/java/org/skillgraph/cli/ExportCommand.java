package org.skillgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.skillgraph.harvest.CtdlDocuments;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.serve.SkillgraphServer;
import org.skillgraph.store.GraphStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skillgraph export --store DIR --out DIR [--site URL]}: the harvest files for static hosting.
 * They are fetched from the real server, started in this process on a loopback port with {@code --site}
 * as its public URL, so every file is byte for byte what the server answers at that URL.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the harvest files as static files: dumps and their manifest, CTDL-ASN graphs and "
                + "resources, CASE 1.1 documents and packages, the VoID description, sitemap, robots.txt, the change "
                + "feed and its RDF Patch log — identical to what 'serve' returns, with --site as the public URL.",
                "Paths mirror the server's (graph/ce-…, resources/ce-…, ims/case/v1p1/CFPackages/…, .well-known/void); "
                + "serve them with the media types the server uses (application/ld+json, application/json, text/turtle). "
                + "Collections that are also folders (patches/, ims/case/v1p1/CFDocuments) are written as index.json in "
                + "that folder."})
final class ExportCommand implements Callable<Integer> {
    /** The dumps' manifest, which names each dump file with its SHA-256 and the patch a replica starts from. */
    private static final String MANIFEST = "dumps/" + Dumps.MANIFEST;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder.")
    Path store;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created).")
    Path out;

    @Option(names = "--site", paramLabel = "URL",
            description = "Public URL the files will be published at (default: the base URI of the store's data).")
    String site;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (GraphStore gs = GraphStore.openExisting(store)) {
            String base = gs.base()
                    .orElseThrow(() -> new SkillgraphCommand.UserException(store + ": the store holds no document"));
            String publicUrl = site == null ? base : site.endsWith("/") ? site : site + "/";
            if (Dumps.read(gs.dumpsDirectory()).isEmpty()) {
                Dumps.regenerate(gs);
            }
            SkillgraphServer server = SkillgraphServer.create(gs).base(base).port(0).publicUrl(publicUrl).build().start();
            try {
                int files = export(gs, "http://localhost:" + server.port() + server.root(), err);
                err.println("exported " + files + " files to " + out + " for " + publicUrl);
            } finally {
                server.stop();
            }
        }
        return 0;
    }

    private int export(GraphStore gs, String local, PrintWriter err) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> paths = new ArrayList<>(List.of(".well-known/void", "sitemap.xml", "robots.txt", "changes",
                "patches/", "ims/case/v1p1/CFDocuments", MANIFEST));
        // each dump file is asked for with If-Match on the SHA-256 the exported manifest gives it, as a replica
        // does: the manifest then describes the files written beside it
        Map<String, String> ifMatch = new HashMap<>();
        // every graph document once, and the resource documents they name: a framework's versions share
        // their CTIDs, and a statement or level only an older version has is not served
        gs.read(ds -> {
            CtdlDocuments ctdl = new CtdlDocuments(ds);
            ctdl.graphCtids().forEach(ctid -> paths.add("graph/" + ctid));
            ctdl.resourceCtids().forEach(ctid -> paths.add("resources/" + ctid));
            return null;
        });
        int n = 0;
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local + path))
                    .header("Accept", "text/turtle, application/json;q=0.9, */*;q=0.1");
            if (ifMatch.containsKey(path)) {
                request.header("If-Match", ifMatch.get(path));
            }
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the server answered " + r.statusCode() + " for " + path);
            }
            // a collection that is also the parent of its members (patches/, CFDocuments) is written as its index
            boolean collection = path.endsWith("/") || path.endsWith("CFDocuments");
            Path file = out.resolve(collection ? path.replaceAll("/$", "") + "/index.json" : path);
            Files.createDirectories(file.getParent());
            Files.write(file, r.body());
            n++;
            if (path.equals("patches/")) {
                for (JsonNode url : json.readTree(r.body())) {
                    paths.add(url.asText().substring(url.asText().lastIndexOf("patches/")));
                }
            } else if (path.equals(MANIFEST)) {
                for (JsonNode dump : json.readTree(r.body()).path("dumps")) {
                    String dumpPath = "dumps/" + dump.get("name").asText();
                    paths.add(dumpPath);
                    ifMatch.put(dumpPath, "\"" + dump.get("sha256").asText() + "\"");
                }
            } else if (path.equals("ims/case/v1p1/CFDocuments")) {
                for (JsonNode doc : json.readTree(r.body()).path("CFDocuments")) {
                    paths.add("ims/case/v1p1/CFDocuments/" + doc.get("identifier").asText());
                    paths.add("ims/case/v1p1/CFPackages/" + doc.get("identifier").asText());
                }
            } else if (path.equals("sitemap.xml") && new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("<sitemapindex")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("sitemaps/\\d+\\.xml")
                        .matcher(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                while (m.find()) {
                    paths.add(m.group());
                }
            }
        }
        return n;
    }
}
