package org.skillgraph.cli;

import java.io.PrintWriter;
import org.skillgraph.read.SourceException;
import org.skillgraph.store.BaseMismatchException;
import org.skillgraph.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code skillgraph} command.
 * <pre>
 * java -jar target/skillgraph.jar ingest --store data/tdb2 seeds/
 * java -jar target/skillgraph.jar query  --store data/tdb2 queries/statements-per-level.rq
 * </pre>
 */
@Command(name = "skillgraph", mixinStandardHelpOptions = true, versionProvider = SkillgraphCommand.Version.class,
        description = "Occupational skills frameworks as a linked-data knowledge graph.",
        subcommands = {IngestCommand.class, QueryCommand.class, ServeCommand.class, ValidateCommand.class, SynthCommand.class, RemoveCommand.class, ExportCommand.class, CompactCommand.class, ClassDataCommand.class, CommandLine.HelpCommand.class})
public final class SkillgraphCommand implements Runnable {
    /** Exit code when input was rejected or the user asked for something impossible. */
    public static final int EXIT_REJECTED = 1;
    /**
     * Exit code for wrong usage: picocli's own parse errors, an option value out of its range or not of its form,
     * and a path given on the command line (other than the documents to import or validate, whose rejection is
     * {@link #EXIT_REJECTED}) that cannot be read or written as the command needs.
     */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the program itself failed (out of memory, an internal error). */
    public static final int EXIT_FAILED = 3;
    /**
     * Exit code when the store cannot be opened or used (no store in the folder, another process such as a server
     * holds it, the server that holds it does not take the files): distinct from {@link #EXIT_REJECTED}, which a
     * script reads as the command's own answer (a file rejected, nothing to remove).
     */
    public static final int EXIT_STORE = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code skillgraph} alone: wrong usage, which picocli answers with the usage on stderr and exit code 2. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required command");
    }

    public static void main(String[] args) {
        int code;
        try {
            code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        } catch (OutOfMemoryError e) {
            System.err.println("skillgraph: out of memory (" + e.getMessage() + "); give Java a larger heap, such as "
                    + "java -Xmx2g -jar skillgraph.jar ...; nothing half-written was kept");
            code = EXIT_FAILED;
        } catch (Throwable e) {
            System.err.println("skillgraph: internal error, please report it with the command line:");
            e.printStackTrace();
            code = EXIT_FAILED;
        }
        // exits even when a library left threads running after a failure
        System.exit(code);
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SkillgraphCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof StoreException || ex instanceof SourceException || ex instanceof BaseMismatchException
                    || ex instanceof UserException) {
                line.getErr().println("skillgraph: " + ex.getMessage());
                return ex instanceof StoreException ? EXIT_STORE
                        : ex instanceof UserException u ? u.exitCode : EXIT_REJECTED;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /**
     * A mistake of the user's that is not about a source file: one line on stderr, no usage. Exit code
     * {@link #EXIT_REJECTED} (a query that is not valid SPARQL, what the store cannot do), or {@link #EXIT_USAGE}
     * for a path given on the command line that cannot be read or written ({@link #badPath}).
     */
    static class UserException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        UserException(String message) {
            this(message, EXIT_REJECTED);
        }

        UserException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** Names on {@code err} each folder given that holds no document (nothing is read from it; not an error). */
    static void warnEmptyFolders(java.util.List<java.nio.file.Path> paths, java.io.PrintWriter err) {
        for (java.nio.file.Path dir : org.skillgraph.ingest.SourceFiles.emptyFolders(paths)) {
            err.println("warning: " + dir + ": no file in this folder (hidden files are skipped): nothing read from it");
        }
        err.flush();
    }

    /** A path given on the command line that cannot be read or written: one line naming it, exit code 2. */
    static UserException badPath(String message) {
        return new UserException(message, EXIT_USAGE);
    }

    /**
     * An option value out of its range or not of its form, found before anything is done: picocli's answer to a
     * parse error (this line, the command's usage, exit code 2), worded as picocli words its own.
     */
    static CommandLine.ParameterException badValue(CommandLine.Model.CommandSpec spec, String option, String problem) {
        String what = option.startsWith("-") ? "option '" + option + "'" : "positional parameter " + option;
        return new CommandLine.ParameterException(spec.commandLine(), "Invalid value for " + what + ": " + problem);
    }

    /** An absolute http(s) URL with a host, as java.net.URI reads it. */
    static boolean isHttpUrl(String url) {
        if (!url.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
            return false;
        }
        try {
            java.net.URI u = new java.net.URI(url);
            return u.getRawAuthority() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The reason an I/O operation failed, for a one-line message (Java's bare message is often only the path). */
    static String reason(Throwable e) {
        Throwable t = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (t instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() : t.getClass().getSimpleName();
        }
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /**
     * An option's value of the wrong form, found after parsing: exit code {@link #EXIT_USAGE} as picocli gives a
     * missing option, with one line saying what is wrong (picocli would add the whole usage help).
     */
    static final class UsageException extends UserException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, EXIT_USAGE);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SkillgraphCommand.class.getPackage().getImplementationVersion();
            return new String[] {"skillgraph " + (v == null ? "(development build)" : v)};
        }
    }
}
