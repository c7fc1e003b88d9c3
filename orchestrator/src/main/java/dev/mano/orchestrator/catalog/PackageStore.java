package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.ManoProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * Package files on disk, content-addressed: {@code <data-dir>/packages/<sha256[0..2]>/<sha256>}.
 * Identical uploads share one file. Uploads land in {@code tmp/} first and are moved into place
 * only once valid, so a reader never sees a partial file.
 */
@Component
public class PackageStore {
    private final Path root;
    private final Path tmp;

    public PackageStore(ManoProperties props) throws IOException {
        this.root = props.dataDir().resolve("packages").toAbsolutePath();
        this.tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    public Path newTempFile() {
        try {
            return Files.createTempFile(tmp, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Moves a verified temp file to its content address (or drops it if that exists already). */
    public Path commit(Path temp, String sha256) {
        Path target = path(sha256);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
                return target;
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(temp); // a concurrent identical upload won the race: same bytes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public void delete(String sha256) {
        deleteQuietly(path(sha256));
    }

    public void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // leftover temp files are harmless; the next upload uses a new name
        }
    }
}
