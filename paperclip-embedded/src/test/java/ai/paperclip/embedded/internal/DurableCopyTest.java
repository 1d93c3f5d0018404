package ai.paperclip.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster copied from the template is durable: every file and every directory of the copy is synced
 * (real {@code fsync} calls, recorded as they are made), and so is the directory a rename lands in.
 */
class DurableCopyTest {

    @TempDir
    Path temp;

    @Test
    void everyFileAndDirectoryOfTheCopyIsSyncedBeforeCopyTreeReturns() throws IOException {
        Path source = sampleTree(temp.resolve("template"));
        Path target = temp.resolve("copy");
        Set<Path> synced = ConcurrentHashMap.newKeySet();

        FileTrees.copyTree(source, target, path -> {
            assertThat(path).exists();                 // synced after it was written, not before
            DurableFiles.FSYNC.sync(path);             // the real fsync
            synced.add(path);
        });

        assertThat(synced).containsExactlyInAnyOrderElementsOf(everything(target));
        assertThat(Files.readString(target.resolve("base/1/1259"))).isEqualTo("pg_class");
        assertThat(Files.readString(target.resolve("global/pg_control"))).isEqualTo("control");
    }

    @Test
    void theRealSyncWorksOnFilesAndDirectories() throws IOException {
        Path tree = sampleTree(temp.resolve("t"));
        for (Path path : everything(tree)) {
            DurableFiles.FSYNC.sync(path);             // throws if the system refused
        }
    }

    @Test
    void aFailedSyncFailsTheCopy() throws IOException {
        Path source = sampleTree(temp.resolve("template"));
        assertThatThrownBy(() -> FileTrees.copyTree(source, temp.resolve("copy"), path -> {
            if (path.endsWith("pg_control")) {
                throw new IOException("No space left on device");
            }
        })).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
    }

    @Test
    void moveIntoPlaceSyncsTheDirectoryTheNewNameIsIn() throws IOException {
        Path staging = Files.createDirectories(temp.resolve("staging/cluster"));
        Files.writeString(staging.resolve("PG_VERSION"), "18");
        Path target = temp.resolve("db");

        assertThat(FileTrees.moveIntoPlace(staging, target)).isTrue();

        assertThat(target.resolve("PG_VERSION")).hasContent("18");
    }

    private static Path sampleTree(Path root) throws IOException {
        Files.createDirectories(root.resolve("base/1"));
        Files.createDirectories(root.resolve("global"));
        Files.createDirectories(root.resolve("pg_wal/archive_status"));
        Files.writeString(root.resolve("PG_VERSION"), "18\n");
        Files.writeString(root.resolve("base/1/1259"), "pg_class");
        Files.writeString(root.resolve("global/pg_control"), "control");
        return root;
    }

    private static List<Path> everything(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.collect(Collectors.toList());
        }
    }
}
