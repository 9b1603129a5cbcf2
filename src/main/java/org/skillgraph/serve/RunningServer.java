package org.skillgraph.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The note a server that takes imports leaves in its store folder ({@value #FILE}): where it listens, its base
 * URI, the file holding its import token and its process id. TDB2 lets one process open a store, so
 * {@code skillgraph ingest} reads the note and hands its documents to that server ({@link ImportClient}); a
 * note left by a process that is no longer running is ignored.
 *
 * @param url where the server answers on this machine, such as {@code http://127.0.0.1:3030/}
 * @param base the base URI of the data
 * @param tokenFile the file holding the import token (whoever may read it may import)
 * @param pid the server's process id
 */
public record RunningServer(String url, String base, Path tokenFile, long pid) {
    public static final String FILE = "server.json";

    /** Writes the note into the store folder (replacing any). */
    public void write(Path store) throws IOException {
        Path tmp = store.resolve(FILE + ".tmp");
        ObjectMapper json = new ObjectMapper();
        Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.createObjectNode()
                .put("url", url).put("base", base).put("importTokenFile", tokenFile.toAbsolutePath().toString())
                .put("pid", pid)));
        Files.move(tmp, store.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the note if it is this process's. */
    public static void remove(Path store, long pid) {
        read(store).filter(s -> s.pid() == pid).ifPresent(s -> {
            try {
                Files.deleteIfExists(store.resolve(FILE));
            } catch (IOException e) {
                // a stale note names a process that is gone, and is ignored
            }
        });
    }

    /**
     * The server serving this store now, if one that takes imports is running: its process is alive and its
     * port takes connections (a note left by a process that was killed, whose id another process now has, is
     * ignored).
     */
    public static Optional<RunningServer> find(Path store) {
        return read(store).filter(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false))
                .filter(RunningServer::listening);
    }

    private boolean listening() {
        URI u = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(u.getHost(), u.getPort()), 2_000);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<RunningServer> read(Path store) {
        Path file = store.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> n = flatJson(Files.readString(file));
            return Optional.of(new RunningServer((String) n.get("url"), (String) n.get("base"),
                    Path.of((String) n.get("importTokenFile")), Long.parseLong((String) n.get("pid"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or half-written: as if absent (the store lock still protects it)
        }
    }

    /**
     * The top-level fields of a JSON object: scalars as text, arrays of scalars as lists of text (nested objects
     * are skipped). Read with Jackson's streaming parser: a command that only hands files to a server starts in
     * a fraction of the time the data-binding layer takes to load.
     */
    static Map<String, Object> flatJson(String json) throws IOException {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    List<String> items = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        } else {
                            items.add(p.getText());
                        }
                    }
                    out.put(name, items);
                } else if (t == JsonToken.START_OBJECT) {
                    p.skipChildren();
                } else {
                    out.put(name, p.getText());
                }
            }
        }
        return out;
    }

    private static final JsonFactory FACTORY = new JsonFactory();
}
