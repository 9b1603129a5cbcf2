package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.SourceFormat;

/** Format detection by content, and every way a file can be unreadable. */
class SourceReaderTest {
    static final Path TEXT_SEED = Path.of("seeds", "29-2011.00.txt");
    static final Path JSON_SEED = Path.of("seeds", "29-2099.00.json");

    @TempDir
    Path dir;

    Path copy(Path from, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.copy(from, f);
        return f;
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    SourceException failure(Path f) {
        SourceException e = assertThrows(SourceException.class, () -> new SourceReader().read(f));
        assertTrue(e.getMessage().contains(f.getFileName().toString()), "message names the file: " + e.getMessage());
        assertEquals(f, e.file());
        return e;
    }

    // ---- detection by content ------------------------------------------------------------------------

    @Test
    void aPipeOrDeviceIsRefusedAsNoRegularFileNotAsAnEmptyOne() {
        // its size reads 0: "empty file" was said of a document piped in (validate /dev/stdin), and reading one found
        // in a folder could wait for ever
        Path device = Path.of("/dev/null");
        SourceException e = assertThrows(SourceException.class, () -> new SourceReader().read(device));
        assertEquals("/dev/null: not a regular file (a pipe, socket or device): save the document to a file and give "
                + "that", e.getMessage());
    }

    @Test
    void txtHoldingJsonIsReadAsJson() throws IOException {
        SourceDocument d = new SourceReader().read(copy(JSON_SEED, "export.txt"));
        assertEquals(SourceFormat.JSON_EXPORT, d.provenance().format());
        assertEquals("export.txt", d.provenance().fileName());
        assertEquals("29-2099.00", d.occupation().soc());
        assertEquals(40, d.framework(FrameworkKind.OCCUPATIONAL).statements().size());
    }

    @Test
    void htmlExtensionHoldingTheTextRenderingIsReadAsText() throws IOException {
        SourceDocument d = new SourceReader().read(copy(TEXT_SEED, "page.html"));
        assertEquals(SourceFormat.NSX_TEXT, d.provenance().format());
        assertEquals("29-2011.00", d.occupation().soc());
        assertEquals(94, d.framework(FrameworkKind.DURABLE_SKILLS).statements().size());
    }

    @Test
    void jsonExtensionHoldingHtmlIsReadAsHtml() throws IOException {
        Path html = Path.of("src", "test", "resources", "read", "29-2011.00.html");
        SourceDocument d = new SourceReader().read(copy(html, "page.json"));
        assertEquals(SourceFormat.NSX_HTML, d.provenance().format());
        assertEquals("29-2011.00", d.occupation().soc());
    }

    @Test
    void aPageWithoutItsOptionalTagsIsReadAndAnExportWithACommentRefusedSayingSo() throws IOException {
        String html = Files.readString(Path.of("src", "test", "resources", "read", "29-2011.00.html"),
                StandardCharsets.UTF_8);
        String bare = html.replaceFirst("(?is)<!doctype[^>]*>", "").replaceAll("(?is)</?(html|body)(\\s[^>]*)?>", "")
                .replaceFirst("(?is)<head>.*?</head>", "<meta charset=\"utf-8\">");
        assertTrue(bare.stripLeading().startsWith("<meta"), bare.substring(0, 80));
        SourceDocument d = new SourceReader().read(write("bare.html", bare.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SourceFormat.NSX_HTML, d.provenance().format());
        assertEquals("29-2011.00", d.occupation().soc());
        SourceException e = failure(write("comment.json", ("// exported by hand\n" + Files.readString(
                Path.of("seeds", "29-2099.00.json"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertEquals("line 1, column 1", e.location());
        assertTrue(e.getMessage().endsWith("not valid JSON: a comment ('//' or '/*'), which JSON does not allow: an "
                + "export is plain JSON"), e.getMessage());
    }

    @Test
    void detectIgnoresTheNameAndLeadingWhitespace() {
        Path any = Path.of("whatever.bin");
        assertEquals(SourceFormat.JSON_EXPORT, SourceReader.detect(any, "\n  {\"a\":1}"));
        assertEquals(SourceFormat.NSX_HTML, SourceReader.detect(any, "\n<!doctype html><html></html>"));
        assertEquals(SourceFormat.NSX_HTML, SourceReader.detect(any, "<html lang=\"en\"><body></body></html>"));
        assertEquals(SourceFormat.NSX_TEXT, SourceReader.detect(any, "Title\n\nSOC 29-2011.00Job Zone 4\n"));
        // an XML declaration first, or an HTML5 page that leaves out its optional html, head and body tags, is a page
        // (both were "unrecognised format", naming nothing); a comment first was meant as an export
        assertEquals(SourceFormat.NSX_HTML, SourceReader.detect(any, "<?xml version=\"1.0\"?>\n<html></html>"));
        assertEquals(SourceFormat.NSX_HTML, SourceReader.detect(any, "<meta charset=\"utf-8\">\n<main></main>"));
        assertEquals(SourceFormat.NSX_HTML, SourceReader.detect(any, " <MAIN>\n</MAIN>"));
        assertEquals(SourceFormat.JSON_EXPORT, SourceReader.detect(any, "// exported by hand\n{}"));
        assertEquals(SourceFormat.JSON_EXPORT, SourceReader.detect(any, "/* exported */ {}"));
        assertThrows(SourceException.class, () -> SourceReader.detect(any, "Title\nsee SOC 29-2011.00 above\n"));
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws IOException {
        byte[] json = Files.readAllBytes(JSON_SEED);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        SourceDocument d = new SourceReader().read(write("bom.json", withBom));
        assertEquals(SourceFormat.JSON_EXPORT, d.provenance().format());
        assertEquals(SourceReader.sha256(withBom), d.provenance().sha256(), "the digest is of the bytes as given");
    }

    @Test
    void windowsLineEndingsInTheTextRendering() throws IOException {
        String text = Files.readString(TEXT_SEED, StandardCharsets.UTF_8).replace("\n", "\r\n");
        SourceDocument d = new SourceReader().read(write("crlf.txt", text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(40, d.framework(FrameworkKind.OCCUPATIONAL).statements().size());
        assertEquals(62, d.anchors().anchors().size());
        assertEquals(java.util.List.of(), d.flags());
    }

    // ---- unreadable files ---------------------------------------------------------------------------

    @Test
    void emptyFile() throws IOException {
        SourceException e = failure(write("empty.json", new byte[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void binaryFile() throws IOException {
        SourceException e = failure(write("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H'}));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    }

    @Test
    void notUtf8() throws IOException {
        byte[] latin1 = "{\"occupation\":{\"soc\":\"11-1011.00\",\"title\":\"Caf\u00e9 manager\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        SourceException e = failure(write("latin1.json", latin1));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void notUtf8OnALaterLine() throws IOException {
        byte[] ok = "Title\nSOC 29-2011.00Job Zone 4 \u00b7 Xv.26.05\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(ok, ok.length + 2);
        bad[ok.length] = (byte) 0xC3;
        bad[ok.length + 1] = (byte) 0x28;
        SourceException e = failure(write("bad.txt", bad));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void nonExistentPath() {
        Path missing = dir.resolve("no-such-file.json");
        SourceException e = failure(missing);
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void directory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("a-folder"));
        SourceException e = failure(sub);
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void unrecognisedText() throws IOException {
        SourceException e = failure(write("notes.txt", "Just some notes.\nNothing to see here.\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("unrecognised format"), e.getMessage());
    }

    @Test
    void aSocHeaderWithAnotherKindOfSpaceIsRefusedNamingTheLineAndTheCharacter() throws IOException {
        String page = Files.readString(TEXT_SEED, StandardCharsets.UTF_8);
        int header = page.indexOf("\nSOC 29-2011.00") + 1;
        int line = 1 + (int) page.substring(0, header).chars().filter(c -> c == '\n').count();
        SourceException e = failure(write("nbsp.txt", (page.substring(0, header) + "SOC\u00a029-2011.00"
                + page.substring(header + "SOC 29-2011.00".length())).getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("(line " + line + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("U+00A0 (NO-BREAK SPACE)"), e.getMessage());
        e = failure(write("zwsp.txt", (page.substring(0, header) + "SOC \u200b29-2011.00"
                + page.substring(header + "SOC 29-2011.00".length())).getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("U+200B (ZERO WIDTH SPACE)"), e.getMessage());
    }

    @Test
    void aSocCodeOfAnotherShapeIsRefusedNamingTheLineNotReadAsAnotherOccupation() throws IOException {
        // "SOC 29-2011.001" was read as occupation 29-2011.00 (its graph replaced, the job zone lost to a note);
        // "SOC 29-2011.0" and "SOC 29-20110.00" were an "unrecognised format", naming no line
        String page = Files.readString(TEXT_SEED, StandardCharsets.UTF_8);
        int header = page.indexOf("\nSOC 29-2011.00") + 1;
        int line = 1 + (int) page.substring(0, header).chars().filter(c -> c == '\n').count();
        for (String code : List.of("29-2011.001", "29-2011.0", "29-20110.00", "29-2011.00.1")) {
            SourceException e = failure(write("soc.txt", (page.substring(0, header) + "SOC " + code
                    + page.substring(header + "SOC 29-2011.00".length())).getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("(line " + line + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("SOC code '" + code + "' is not an O*NET-SOC code NN-NNNN.NN"),
                    e.getMessage());
        }
        String html = Files.readString(Path.of("src", "test", "resources", "read", "29-2011.00.html"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains(">SOC 29-2011.00<"));
        SourceException e = failure(write("soc.html", html.replace(">SOC 29-2011.00<", ">SOC 29-2011.001<")
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("SOC code '29-2011.001' is not an O*NET-SOC code"), e.getMessage());
    }

    @Test
    void tooLargeIsRefusedBeforeReading() throws IOException {
        Path f = copy(TEXT_SEED, "big.txt");
        assertTrue(Files.size(f) > 1000);
        SourceException e = assertThrows(SourceException.class, () -> new SourceReader(1000).read(f));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertTrue(e.getMessage().contains("big.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
        // the same limit lets a small file through
        Path small = write("small.json", ("{\"occupation\":{\"soc\":\"11-1011.00\",\"title\":\"T\"},\"framework\":"
                + "{\"version\":\"v.26.05\",\"levels\":{}}}").getBytes(StandardCharsets.UTF_8));
        assertEquals("11-1011.00", new SourceReader(1000).read(small).occupation().soc());
    }

    @Test
    void truncatedPageNamesTheMissingSection() throws IOException {
        String text = Files.readString(TEXT_SEED, StandardCharsets.UTF_8);
        String cut = text.substring(0, text.indexOf("Authoritative source data"));
        SourceException e = failure(write("cut.txt", cut.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("missing section"), e.getMessage());
        assertTrue(e.getMessage().contains("AI usage"), e.getMessage());
    }

    @Test
    void pageWithoutVersionIsAnError() throws IOException {
        String text = Files.readString(TEXT_SEED, StandardCharsets.UTF_8).replace("Preparationv.26.05", "Preparation");
        SourceException e = failure(write("nover.txt", text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
        assertTrue(e.getMessage().contains("line 6"), e.getMessage());
    }
}
