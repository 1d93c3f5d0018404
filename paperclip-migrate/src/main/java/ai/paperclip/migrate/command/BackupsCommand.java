package ai.paperclip.migrate.command;

import ai.paperclip.db.backup.BackupFile;
import ai.paperclip.db.backup.BackupHealth;
import ai.paperclip.db.backup.Backups;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupSettings;
import ai.paperclip.migrate.internal.CliContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backups [--json]}: the instance's backups, newest first ({@code Backups.list}); needs no database. */
@Command(name = "backups", description = "List the backups of the instance (data/backups, or --dir), newest first,"
        + " with age, size and schema version.")
public final class BackupsCommand extends BaseCommand {

    @Option(names = "--dir", paramLabel = "DIR", description = "The directory to list instead of the instance's.")
    Path dir;

    @Option(names = "--json", description = "Print JSON: directory, backups (file, created, ageSeconds, sizeBytes,"
            + " schemaVersion).")
    boolean json;

    BackupsCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        Path directory = BackupSettings.directory(context.environment(), dir);
        List<BackupFile> files = Backups.list(directory);
        Instant now = Instant.now();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("directory", directory.toString());
            result.put("backups", files.stream().map(f -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", f.file().toString());
                row.put("created", f.created().toString());
                row.put("ageSeconds", f.age(now).toSeconds());
                row.put("sizeBytes", f.sizeBytes());
                row.put("schemaVersion", f.schemaVersion());
                return row;
            }).toList());
            BackupHealth health = Backups.health(directory, Duration.ofMinutes(ai.paperclip.embedded.PaperclipConfig.read(
                    BackupSettings.instance(context.environment()).configFile()).backupIntervalMinutes()),
                    java.time.Clock.systemDefaultZone());
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("newest", health.newest().map(f -> f.file().toString()).orElse(null));
            h.put("newestAgeSeconds", health.newestAge().map(Duration::toSeconds).orElse(null));
            h.put("staleAfterTwoIntervals", health.stale());
            h.put("bytesUsed", health.bytesUsed());
            h.put("freeBytes", health.freeBytes());
            h.put("physical", physical(directory));
            result.put("health", h);
            printJson(result);
            return ExitCode.OK;
        }
        if (files.isEmpty()) {
            out().println("No backups in " + directory + " (paperclip-migrate backup writes one).");
            return ExitCode.OK;
        }
        out().println("Backups in " + directory + ", newest first:");
        for (BackupFile f : files) {
            out().println(String.format("  %-40s %10s  %9s old  %s", f.file().getFileName(),
                    BackupSettings.size(f.sizeBytes()), age(f.age(now)), f.schemaVersion()));
        }
        return ExitCode.OK;
    }

    /** Physical backups ({@code *.physical.tar.gz}): listed by name and size, never touched by retention. */
    private static List<Map<String, Object>> physical(Path directory) {
        if (!java.nio.file.Files.isDirectory(directory)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("paperclip-\\d{8}-\\d{6}(-\\d+)?"
                    + java.util.regex.Pattern.quote(Backups.PHYSICAL_SUFFIX))).sorted().map(f -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("file", f.toString());
                        row.put("sizeBytes", f.toFile().length());
                        return row;
                    }).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String age(Duration age) {
        if (age.toDays() > 0) {
            return age.toDays() + " d";
        }
        if (age.toHours() > 0) {
            return age.toHours() + " h";
        }
        return Math.max(0, age.toMinutes()) + " min";
    }
}
