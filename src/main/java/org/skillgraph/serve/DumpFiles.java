package org.skillgraph.serve;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.skillgraph.harvest.Dumps;

/**
 * The dump files as a response sends them: each opened once, with the SHA-256 of the version opened. A refresh
 * replaces the files one after the other and the manifest after them, so the manifest's SHA-256 can belong to
 * another version than the bytes a response is about to send; the entity tag is therefore looked up by the
 * version of the file actually opened — in the record {@link Dumps} keeps, or else (a file written by an older
 * release) computed from the opened file once.
 */
final class DumpFiles {
    /** How often a file replaced while it was being opened is opened again, before the request is refused. */
    private static final int ATTEMPTS = 3;

    /** An opened dump file: the channel to read, the version it holds and that version's SHA-256. */
    record Opened(FileChannel channel, Dumps.FileVersion version, String sha256) implements Closeable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** A file version and its SHA-256. */
    private record Known(Dumps.FileVersion version, String sha256) {
    }

    private final Path dir;
    /** By file name: the last version opened, so that a request does not read the record again. */
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    DumpFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens dump file {@code name}, or returns null when there is none. Its version is read before and after it
     * is opened: when both agree, the channel holds that version (the file's name only ever moves on to newer
     * files), else the file was replaced meanwhile and is opened again.
     */
    Opened open(String name) throws IOException {
        Path file = dir.resolve(name);
        for (int i = 0; i < ATTEMPTS; i++) {
            FileChannel channel;
            Dumps.FileVersion before;
            try {
                before = Dumps.FileVersion.of(file);
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return null;
            }
            try {
                if (before.equals(Dumps.FileVersion.of(file))) {
                    return new Opened(channel, before, sha256(name, before, channel));
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            channel.close();
        }
        throw new HttpError(503, name + " is being replaced; try again in a moment");
    }

    /** The SHA-256 of the version of {@code name} that {@code channel} holds. */
    private String sha256(String name, Dumps.FileVersion version, FileChannel channel) throws IOException {
        Known k = known.get(name);
        if (k != null && k.version().equals(version)) {
            return k.sha256();
        }
        synchronized (this) { // a file that must be read is read by one request, not by all that arrive meanwhile
            k = known.get(name);
            if (k == null || !k.version().equals(version)) {
                String recorded = Dumps.sha256(dir, name, version).orElse(null);
                k = new Known(version, recorded != null ? recorded : digest(channel));
                known.put(name, k);
            }
            return k.sha256();
        }
    }

    /** The SHA-256 of a whole file, read at explicit positions: the channel's own position stays at 0. */
    private static String digest(FileChannel channel) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long position = 0;
        for (int n; (n = channel.read(buf, position)) > 0; position += n) {
            sha.update(buf.flip());
            buf.clear();
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
