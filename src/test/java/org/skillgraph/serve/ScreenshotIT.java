package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/**
 * The pages in a real browser (Debian's Chromium, headless; installed by scripts/install-test-tools.sh):
 * each page renders at desktop and phone widths without horizontal overflow, and a screenshot is kept in
 * {@code target/screenshots/} for people to look at.
 */
class ScreenshotIT {
    /** The store and Chromium's profiles (26 MB), removed after the class's tests. */
    @TempDir
    static Path tmp;
    static GraphStore store;
    static SkillgraphServer server;

    @BeforeAll
    static void start() throws Exception {
        store = GraphStore.open(tmp.resolve("db"));
        new Importer(store, "http://localhost:3030/", null).importPaths(List.of(Path.of("seeds")));
        server = SkillgraphServer.create(store).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    @Test
    void theQueryPageRunsAQueryInTheBrowser() throws Exception {
        String q = java.net.URLEncoder.encode("SELECT ?soc WHERE { ?o a <https://purl.org/ctdl/terms/Occupation> ; "
                + "<http://www.w3.org/2004/02/skos/core#notation> ?soc } ORDER BY ?soc", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile-run"), "--virtual-time-budget=10000", "--dump-dom",
                "http://localhost:" + server.port() + "/query?query=" + q).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        assertTrue(dom.contains("<table>") && dom.contains("<td>29-2011.00</td>") && dom.contains("<td>29-2099.00</td>"),
                dom);
        assertTrue(dom.contains("2 results in"), dom);
    }

    @Test
    void theQueryPageLinksOnlyWebAddresses() throws Exception {
        // a query shared as a link runs when opened, and binds whatever IRIs it says: javascript: ones too
        String q = java.net.URLEncoder.encode("SELECT ?u WHERE { VALUES ?u { <javascript:alert(document.domain)> "
                + "<data:text/html,x> <http://example.org/x> <https://example.org/y> } }", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile-links"), "--virtual-time-budget=10000", "--dump-dom",
                "http://localhost:" + server.port() + "/query?query=" + q).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        assertTrue(dom.contains("4 results in"), dom);
        assertTrue(dom.contains("<td>javascript:alert(document.domain)</td>") && dom.contains("<td>data:text/html,x</td>"),
                "shown as text: " + dom);
        assertTrue(!dom.contains("href=\"javascript:") && !dom.contains("href=\"data:"), dom);
        assertTrue(dom.contains("<a href=\"http://example.org/x\">") && dom.contains("<a href=\"https://example.org/y\">"),
                dom);
    }

    @ParameterizedTest
    @CsvSource({
        "home, '', 1280, 900",
        "home-phone, '', 390, 844",
        "occupation, doc/occupation/29-2011.00.html, 1280, 1600",
        "occupation-phone, doc/occupation/29-2011.00.html, 390, 844",
        "statement, doc/framework/29-2011.00/ai-usage/v.26.05/level/developing/statement/1.html, 1280, 900",
        "search, search?q=blood, 1280, 900",
        "query, query, 1280, 900",
        "ontology, ontology.html, 1280, 900"})
    void pageRendersInChromium(String name, String path, int width, int height) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("skillgraph.screenshots", "target/screenshots")));
        Path png = dir.resolve(name + ".png");
        Files.deleteIfExists(png);
        String url = "http://localhost:" + server.port() + "/" + path;
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile-" + name),
                "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), url)
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium timed out on " + url);
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(Files.isRegularFile(png), "no screenshot of " + url + ": " + log);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        // a rendered page, not a blank or error screen: many distinct colours
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, name + ": only " + colours.size() + " colours");
        // nothing runs off the right edge: in every row the last few pixels are one (background) colour
        for (int y = 0; y < img.getHeight(); y++) {
            int edge = img.getRGB(img.getWidth() - 1, y);
            for (int x = img.getWidth() - 6; x < img.getWidth() - 1; x++) {
                assertEquals(edge, img.getRGB(x, y), name + ": content reaches the right edge at y=" + y);
            }
        }
    }
}
