package ai.paperclip.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What the database commands' --migrations accepts: folders and classpath: locations, in order; Paperclip's by default. */
class MigrationsOptionTest {

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        MigrationsOption migrations;
    }

    private static List<MigrationSource> parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.migrations.sources();
    }

    @Test
    void withoutTheOptionItIsPaperclipsBundledHistory() {
        assertThat(parse()).singleElement().satisfies(source -> {
            assertThat(source.toString()).isEqualTo("classpath:" + CommittedMigrations.PAPERCLIP_LOCATION);
            assertThat(source.read().migrations()).isNotEmpty();
        });
    }

    @Test
    void aClasspathLocationIsReadFromTheClassPathAndAFolderFromDiskInTheOrderGiven() {
        List<MigrationSource> sources = parse("--migrations", "classpath:ai/paperclip/schema/migrations",
                "--migrations", "some/folder");

        assertThat(sources).hasSize(2);
        assertThat(sources.get(0).folder()).isEmpty();
        assertThat(sources.get(0).read().migrations().get(0).tag()).isEqualTo("0000_core_schema");
        assertThat(sources.get(1).folder()).contains(Path.of("some/folder").toAbsolutePath().normalize());
    }
}
