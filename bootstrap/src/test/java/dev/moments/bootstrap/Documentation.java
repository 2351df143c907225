package dev.moments.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's own files (README, docs/) for tests that hold the documentation to the code. */
final class Documentation {

    private Documentation() {
    }

    /** The repository's root: the nearest directory above the tests' working directory with mvnw and docs/. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (mvnw and docs/) above " + Path.of("").toAbsolutePath());
    }

    /** A file of the repository by its path from the root, e.g. {@code docs/api.md}; it must exist. */
    static Path file(String path) {
        Path file = root().resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(path + " is not a file of the repository (" + file + ")");
        }
        return file;
    }
}
