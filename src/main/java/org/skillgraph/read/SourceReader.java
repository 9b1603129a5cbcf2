package org.skillgraph.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.SourceFormat;

/**
 * Reads one source document of any supported format into the intermediate model.
 * <pre>{@code
 * SourceDocument doc = new SourceReader().read(Path.of("seeds/29-2011.00.txt"));
 * doc.occupation().soc();   // "29-2011.00"
 * }</pre>
 * The format is detected by content, never by file name: a JSON object is an export, an HTML document
 * is an NSX page as HTML, a text with an NSX header ({@code SOC NN-NNNN.NN}) is an NSX page's text
 * rendering. Anything else, and every unreadable file, is a {@link SourceException}.
 */
public final class SourceReader {
    /** Real documents are tens of kilobytes; a file larger than this is refused before it is read. */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    /**
     * Real statements are a few hundred characters; a statement, field or page line longer than this is an
     * error naming where it is (the glue splitter's work grows with the square of a token's length).
     */
    public static final int MAX_TEXT_CHARS = 10_000;
    /**
     * An HTML page: a doctype, an XML declaration, a comment or any start tag first (HTML5 lets a page leave out
     * its html, head and body tags and begin with meta or main, say); a text rendering never starts with a tag.
     */
    private static final Pattern HTML = Pattern.compile(
            "^\\s*(<!doctype\\s+html|<\\?xml\\s|<!--|<[a-z][a-z0-9-]*[\\s/>])", Pattern.CASE_INSENSITIVE);
    /**
     * A line that starts with "SOC" and a number: a page's header (one whose code is misshapen is refused by the
     * reader, naming it).
     */
    private static final Pattern NSX_TEXT = Pattern.compile("(?m)^SOC\\s*\\d");

    private final long maxBytes;

    public SourceReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public SourceReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Starts loading what reading a page needs (WordNet's dictionary, for the {@link GlueSplitter}) in the
     * background, so that it overlaps the rest of starting an import instead of delaying its first page.
     */
    public static void prepare() {
        GlueSplitter.loadInBackground();
    }

    /** Reads, detects and parses one file. */
    public SourceDocument read(Path file) {
        byte[] bytes = bytes(file);
        String text = decode(file, bytes);
        String sha256 = sha256(bytes);
        return switch (detect(file, text)) {
            case JSON_EXPORT -> new JsonExportReader(file).read(text, sha256);
            case NSX_HTML -> new NsxPageReader(file).read(PageLines.fromHtml(text), SourceFormat.NSX_HTML, sha256);
            case NSX_TEXT -> new NsxPageReader(file).read(PageLines.fromText(text), SourceFormat.NSX_TEXT, sha256);
        };
    }

    static SourceFormat detect(Path file, String text) {
        String t = text.stripLeading();
        if (t.startsWith("{") || t.startsWith("[") || t.startsWith("//") || t.startsWith("/*")) {
            // a comment first is no JSON, but was meant as an export: the JSON reader says where and why
            return SourceFormat.JSON_EXPORT;
        }
        if (HTML.matcher(t).find()) {
            return SourceFormat.NSX_HTML;
        }
        if (NSX_TEXT.matcher(text).find()) {
            return SourceFormat.NSX_TEXT;
        }
        Matcher near = NEAR_SOC_HEADER.matcher(text);
        if (near.find()) {
            int line = 1 + (int) text.substring(0, near.start()).chars().filter(c -> c == '\n').count();
            String odd = near.group(1).codePoints().filter(c -> c != ' ' && c != '\t').mapToObj(
                    c -> String.format("U+%04X (%s)", c, Character.getName(c))).distinct()
                    .collect(java.util.stream.Collectors.joining(", "));
            throw new SourceException(file, "line " + line, "unrecognised format: this line looks like an NSX text "
                    + "page's 'SOC NN-NNNN.NN' header, but after 'SOC' it has " + odd + " where a page has a space");
        }
        throw new SourceException(file, null, "unrecognised format: neither a JSON framework export, nor an "
                + "NSX framework page (HTML, or text with a 'SOC NN-NNNN.NN' header line)");
    }

    /**
     * A line that would be a text page's SOC header but for a space of another kind after "SOC" (a no-break space
     * copied from a web page, a zero-width one): the page is refused naming the line and the character, not guessed.
     */
    private static final Pattern NEAR_SOC_HEADER = Pattern.compile(
            "(?m)^SOC([\\s\\p{Z}\\u200B\\u2060\\uFEFF]*)\\d{2}-\\d{4}\\.\\d{2}");

    private byte[] bytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new SourceException(file, null, "is a directory, not a document");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a pipe (/dev/stdin, a shell's <(…)) or a device has no size to check first, and reading one in a
                // folder could wait for ever: said so, where its size of 0 read as "empty file"
                throw new SourceException(file, null, "not a regular file (a pipe, socket or device): save the "
                        + "document to a file and give that");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new SourceException(file, null, "too large (" + size + " bytes; the limit is " + maxBytes
                        + " bytes): refused without reading it");
            }
            if (size == 0) {
                throw new SourceException(file, null, "empty file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SourceException(file, null, "no such file");
        } catch (IOException e) {
            throw new SourceException(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * "UTF-16 text (…)" when the bytes are UTF-16: a byte order mark, or, without one, text whose first
     * characters are ASCII with a NUL byte beside each (as UTF-16 writes them); else {@code null}.
     */
    static String utf16(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return "UTF-16 text (little-endian, with a byte order mark)";
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return "UTF-16 text (big-endian, with a byte order mark)";
        }
        int pairs = Math.min(bytes.length / 2, 16);
        boolean little = pairs > 0;
        boolean big = pairs > 0;
        for (int k = 0; k < pairs; k++) {
            byte a = bytes[2 * k];
            byte b = bytes[2 * k + 1];
            little &= a > 0 && b == 0;
            big &= a == 0 && b > 0;
        }
        return little ? "UTF-16 text (little-endian)" : big ? "UTF-16 text (big-endian)" : null;
    }

    private static String decode(Path file, byte[] bytes) {
        String utf16 = utf16(bytes);
        if (utf16 != null) {
            throw new SourceException(file, "byte 0", utf16 + ", not UTF-8: a document is UTF-8 text (save it as "
                    + "UTF-8)");
        }
        for (int k = 0; k < Math.min(bytes.length, 8192); k++) {
            if (bytes[k] == 0) {
                throw new SourceException(file, "byte " + k, "binary file (contains NUL bytes), not a document");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String s = decoder.decode(in).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            int at = in.position();
            int line = 1;
            for (int k = 0; k < at && k < bytes.length; k++) {
                if (bytes[k] == '\n') {
                    line++;
                }
            }
            throw new SourceException(file, "line " + line + ", byte " + at, "not UTF-8 text");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
