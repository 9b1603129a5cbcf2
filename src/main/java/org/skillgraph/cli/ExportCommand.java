package org.skillgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import org.skillgraph.harvest.CtdlDocuments;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.map.Uris;
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
                + "resources, CASE 1.1 documents and packages, the VoID description, robots.txt, the change "
                + "feed and its RDF Patch log — identical to what 'serve' returns, with --site as the public URL "
                + "(the change feed whole in one file, robots.txt without the sitemap's line: no sitemap is written, "
                + "its HTML pages are not part of the export).",
                "Paths mirror the server's (graph/ce-…, resources/ce-…, ims/case/v1p1/CFPackages/…, .well-known/void); "
                + "serve them with the media types the server uses (application/ld+json, application/json, text/turtle). "
                + "Collections that are also folders (patches/, ims/case/v1p1/CFDocuments) are written as index.json in "
                + "that folder.",
                "--out is replaced as a whole once every file is written (a failure leaves the previous export as it "
                + "was); it must be new, an empty folder or a previous export."})
final class ExportCommand implements Callable<Integer> {
    /** The dumps' manifest, which names each dump file with its SHA-256 and the patch a replica starts from. */
    private static final String MANIFEST = "dumps/" + Dumps.MANIFEST;
    /** The change feed's page size the export asks for (the server's largest). */
    private static final int FEED_PAGE = 1000;
    /**
     * What an export writes at the top of its folder (and, for exports before the sitemap was left out,
     * sitemap.xml and sitemaps/): a non-empty --out holding anything else is not replaced.
     */
    private static final Set<String> EXPORT_NAMES = Set.of(".well-known", "changes", "dumps", "graph", "ims",
            "patches", "resources", "robots.txt", "sitemap.xml", "sitemaps");

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder.")
    Path store;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (created, or replaced as a whole: it must be new, empty or a "
            + "previous export).")
    Path out;

    @Option(names = "--site", paramLabel = "URL",
            description = "Public http(s) URL the files will be published at (default: the base URI of the store's "
                    + "data); its path must be the base's path (/ by default), as the server builds its URLs.")
    String site;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (site != null) {
            checkSite("--site", site);
        }
        Path target = checkOut(out);
        try (GraphStore gs = GraphStore.openExisting(store)) {
            String base = gs.base()
                    .orElseThrow(() -> new SkillgraphCommand.UserException(store + ": the store holds no document"));
            String publicUrl = site == null ? Uris.normalise(base) : publicUrl("--site", site, base);
            if (Dumps.read(gs.dumpsDirectory()).isEmpty()) {
                Dumps.regenerate(gs);
            }
            Path parent = target.getParent();
            Path fresh;
            try {
                Files.createDirectories(parent);
                fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".export-");
            } catch (IOException | UnsupportedOperationException e) {
                throw cannotWrite(out, e);
            }
            int files;
            try {
                SkillgraphServer server = SkillgraphServer.create(gs).base(base).port(0).publicUrl(publicUrl).build()
                        .start();
                try {
                    files = export(gs, "http://localhost:" + server.port() + server.root(), fresh, target);
                } finally {
                    server.stop();
                }
                swapIn(fresh, target);
            } catch (RuntimeException | IOException | InterruptedException e) {
                deleteTree(fresh);
                throw e;
            }
            err.println("exported " + files + " files to " + out + " for " + publicUrl);
        }
        return 0;
    }

    /** --site must be an absolute http(s) URL: a host, and nothing after the path. */
    static URI checkSite(String option, String site) {
        URI u;
        try {
            u = new URI(site);
        } catch (URISyntaxException e) {
            u = null;
        }
        if (u == null || u.getScheme() == null || !u.getScheme().matches("(?i)https?") || u.getHost() == null
                || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new SkillgraphCommand.UsageException(option + " must be an absolute http(s) URL, such as "
                    + "https://data.example.org/ (got '" + site + "')");
        }
        return u;
    }

    /**
     * The public URL for --site: its origin and the base's path. The server builds absolute URLs from a public
     * URL's origin and the path the data is served at, the base's ({@code SitePaths}), so a --site with another
     * path would be announced for URLs no link of the export has: it is refused.
     */
    static String publicUrl(String option, String site, String base) {
        URI u = checkSite(option, site);
        String root = URI.create(Uris.normalise(base)).getPath();
        root = root == null || root.isEmpty() ? "/" : root;
        String path = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath().endsWith("/") ? u.getPath()
                : u.getPath() + "/";
        String origin = u.getScheme() + "://" + u.getRawAuthority();
        if (!path.equals(root)) {
            throw new SkillgraphCommand.UsageException(option + " " + site + ": the server publishes the store's data at "
                    + "the path of its base (" + base + "), so its links would be under " + origin + root
                    + ", not under " + path + " (a store loaded with --base …" + path + " is published under " + path
                    + ")");
        }
        return origin + root;
    }

    /**
     * Where to write: --out itself, or the folder a symbolic link names. It must not exist, or be an empty
     * folder, or a previous export (nothing at its top that an export does not write, and a .well-known/void),
     * since it is replaced as a whole.
     */
    static Path checkOut(Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw SkillgraphCommand.badPath(out + ": --out cannot be the root folder");
        }
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        if (!Files.isDirectory(target)) {
            throw SkillgraphCommand.badPath(out + ": --out must be a folder, and this is "
                    + (Files.exists(target) ? "a file" : "a broken link"));
        }
        try {
            target = target.toRealPath();
            if (target.getParent() == null) {
                throw SkillgraphCommand.badPath(out + ": --out cannot be the root folder");
            }
            List<String> names;
            try (Stream<Path> s = Files.list(target)) {
                names = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            List<String> foreign = names.stream().filter(n -> !EXPORT_NAMES.contains(n)).toList();
            if (!names.isEmpty() && (!foreign.isEmpty() || !Files.isRegularFile(target.resolve(".well-known/void")))) {
                throw SkillgraphCommand.badPath(out + ": --out holds "
                        + (foreign.isEmpty() ? "no .well-known/void" : foreign.stream().limit(3)
                                .collect(Collectors.joining(", ")) + (foreign.size() > 3 ? ", …" : ""))
                        + ", so it is not a previous export, which would be replaced as a whole; give a new or "
                        + "empty folder");
            }
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
        return target;
    }

    /** Puts the new export at {@code target}, moving the previous one aside and deleting it after. */
    private static void swapIn(Path fresh, Path target) {
        try {
            if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".previous-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            deleteTree(old);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /**
     * Removes a folder this command made, without following links in it; what cannot be removed is left (a hidden
     * sibling of --out, named for it).
     */
    private static void deleteTree(Path dir) {
        try {
            if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                PathUtils.delete(dir);
            }
        } catch (IOException e) {
            // left as it is
        }
    }

    private static SkillgraphCommand.UserException cannotWrite(Path path, Exception e) {
        String where = e instanceof java.nio.file.FileSystemException f && f.getFile() != null
                && !f.getFile().equals(path.toString()) ? ": " + f.getFile() : "";
        return SkillgraphCommand.badPath(path + ": cannot write the export there (" + SkillgraphCommand.reason(e)
                + where + ")");
    }

    private int export(GraphStore gs, String local, Path dir, Path target) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        // no sitemap: it lists the site's HTML pages (/doc/….html, /query), which a static export does not hold
        List<String> paths = new ArrayList<>(List.of(".well-known/void", "robots.txt", "changes",
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
            byte[] body;
            if (path.equals("changes")) {
                body = wholeFeed(http, local, json);
            } else {
                body = fetch(http, local, path, ifMatch.get(path));
            }
            if (path.equals("robots.txt")) {
                // the server's robots.txt names its sitemap, which the export leaves out
                body = new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("Sitemap:"))
                        .map(l -> l + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
            }
            // a collection that is also the parent of its members (patches/, CFDocuments) is written as its index
            boolean collection = path.endsWith("/") || path.endsWith("CFDocuments");
            Path file = dir.resolve(collection ? path.replaceAll("/$", "") + "/index.json" : path);
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, body);
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
            n++;
            if (path.equals("patches/")) {
                for (JsonNode url : json.readTree(body)) {
                    paths.add(url.asText().substring(url.asText().lastIndexOf("patches/")));
                }
            } else if (path.equals(MANIFEST)) {
                for (JsonNode dump : json.readTree(body).path("dumps")) {
                    String dumpPath = "dumps/" + dump.get("name").asText();
                    paths.add(dumpPath);
                    ifMatch.put(dumpPath, "\"" + dump.get("sha256").asText() + "\"");
                }
            } else if (path.equals("ims/case/v1p1/CFDocuments")) {
                for (JsonNode doc : json.readTree(body).path("CFDocuments")) {
                    paths.add("ims/case/v1p1/CFDocuments/" + doc.get("identifier").asText());
                    paths.add("ims/case/v1p1/CFPackages/" + doc.get("identifier").asText());
                }
            }
        }
        return n;
    }

    private static byte[] fetch(HttpClient http, String local, String path, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local + path))
                .header("Accept", "text/turtle, application/json;q=0.9, */*;q=0.1");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the server answered " + r.statusCode() + " for " + path);
        }
        return r.body();
    }

    /**
     * The whole change feed in one document: the server's pages ({@code ?limit=1000&offset=…}) joined, with no
     * {@code next}, which would be a query string a static host ignores. It is what the server answers for
     * {@code /changes} when the feed holds no more than a page.
     */
    private static byte[] wholeFeed(HttpClient http, String local, ObjectMapper json)
            throws IOException, InterruptedException {
        ObjectNode feed = JsonNodeFactory.instance.objectNode();
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        JsonNode page;
        long offset = 0;
        do {
            page = json.readTree(fetch(http, local, "changes?limit=" + FEED_PAGE + "&offset=" + offset, null));
            if (offset == 0) {
                feed.set("since", page.get("since"));
                feed.set("changes", all);
            }
            page.path("changes").forEach(all::add);
            offset += FEED_PAGE;
        } while (page.has("next"));
        feed.set("patches", page.get("patches"));
        return feed.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }
}
