package org.skillgraph.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Expands the paths given on the command line into the files to import, recursively and in a stable order. */
public final class SourceFiles {
    /** The files found, and one message for every path that could not be walked. */
    public record Found(List<Path> files, List<Rejection> problems) {
    }

    /** A path that could not be used, and why. */
    public record Rejection(Path path, String message) {
    }

    private SourceFiles() {
    }

    public static Found expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<Rejection> problems = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                problems.add(new Rejection(p, p + ": no such file or directory"));
                continue;
            }
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                return !dir.equals(p) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                        : FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (!hidden(file)) {
                                    found.add(file);
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                String why = e instanceof FileSystemLoopException ? "symbolic link loop, skipped"
                                        : e instanceof NoSuchFileException ? "broken link or vanished file"
                                        : "cannot be read: " + e.getMessage();
                                problems.add(new Rejection(file, file + ": " + why));
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                problems.add(new Rejection(p, p + ": cannot be walked: " + e.getMessage()));
            }
            found.sort(null);
            files.addAll(found);
        }
        return new Found(files, problems);
    }

    /**
     * The folders among {@code paths} in which {@link #expand} finds no file (empty, or hidden files only): one given
     * by mistake, say, which the caller names rather than report nothing read as success without a word.
     */
    public static List<Path> emptyFolders(List<Path> paths) {
        List<Path> empty = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p) && !holdsAFile(p)) {
                empty.add(p);
            }
        }
        return empty;
    }

    /**
     * Whether {@link #expand} would find a file in the folder, or a problem to report: the walk stops at the first
     * (a corpus folder is not listed twice to find that it is not empty).
     */
    private static boolean holdsAFile(Path dir) {
        boolean[] found = {false};
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            return !d.equals(dir) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            found[0] = !hidden(file);
                            return found[0] ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            found[0] = true; // expand reports it
                            return FileVisitResult.TERMINATE;
                        }
                    });
        } catch (IOException e) {
            return true; // expand reports it
        }
        return found[0];
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
