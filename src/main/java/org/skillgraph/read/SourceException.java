package org.skillgraph.read;

import java.nio.file.Path;

/**
 * A source document cannot be read: it names the file and where in it (line, JSON pointer or section).
 * Its message is meant for the user, as is.
 */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String location;

    public SourceException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    public SourceException(Path file, String location, String problem, Throwable cause) {
        super(format(file, location, problem), cause);
        this.file = file;
        this.location = location;
    }

    private static String format(Path file, String location, String problem) {
        String where = file == null ? "" : file.toString();
        if (location != null && !location.isEmpty()) {
            where = where + " (" + location + ")";
        }
        return where.isEmpty() ? problem : where + ": " + problem;
    }

    /** The file concerned, or {@code null}. */
    public Path file() {
        return file;
    }

    /** Where in the file, or {@code null}. */
    public String location() {
        return location;
    }
}
