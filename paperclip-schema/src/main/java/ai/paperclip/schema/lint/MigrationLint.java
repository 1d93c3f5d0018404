package ai.paperclip.schema.lint;

import ai.paperclip.schema.lint.internal.Linter;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Checks migration SQL for statements that are unsafe on a database an application is using: the
 * {@link LintRule}s, each with a stable id, its reason and its fix. Reads files only (no database): the
 * files are linted in the order given, and a table created in an earlier file is an existing table for
 * a later one, so give a history in order ({@link #lintFolder} does).
 *
 * <pre>{@code
 * LintReport report = MigrationLint.lintFolder(Path.of("src/main/resources/db/migrations"));
 * if (!report.ok()) {
 *     LOG.error(report.text());
 * }
 * }</pre>
 *
 * <p>A statement is silenced for some rules by a comment on a line before it, after the previous
 * statement, that names them and gives a reason: {@code -- paperclip:lint-ignore missing-lock-timeout:
 * runs before the application starts}. Upstream Paperclip's {@code -- paperclip:migration-safety-ignore
 * <rule|all>: <reason>} works too, with its rule ids or ours. A silencing comment without a reason, or
 * naming an unknown rule, is itself an {@link LintRule#INVALID_IGNORE} error.
 */
public final class MigrationLint {

    private MigrationLint() {
    }

    /** One file's name (as reported) and SQL. */
    public record SqlFile(String name, String sql) {
        public SqlFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** Lints SQL given in memory, in order. */
    public static LintReport lint(List<SqlFile> files) {
        Linter linter = new Linter();
        files.forEach(f -> linter.file(f.name(), f.sql()));
        return new LintReport(files.size(), linter.statements(), linter.silenced(), linter.findings());
    }

    /**
     * Lints files, in the order given (UTF-8).
     *
     * @throws MigrationException naming the file that cannot be read
     */
    public static LintReport lintFiles(List<Path> files) {
        List<SqlFile> sources = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new MigrationException("Cannot lint " + file + ": no such file. Give .sql migration files"
                        + " or a migrations folder.");
            }
            try {
                sources.add(new SqlFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new MigrationException("Cannot read " + file + " to lint it: " + e.getMessage(), e);
            }
        }
        return lint(sources);
    }

    /**
     * Lints the {@code .sql} files of a migrations folder in the order they apply (their {@code NNNN_}
     * prefix, i.e. by name).
     *
     * @throws MigrationException when the folder cannot be read
     */
    public static LintReport lintFolder(Path folder) {
        return lintFiles(sqlFiles(folder));
    }

    /**
     * The {@code .sql} files of a folder in the order they apply (by name: the {@code NNNN_} prefix).
     *
     * @throws MigrationException when it is not a readable folder
     */
    public static List<Path> sqlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new MigrationException("Cannot lint " + folder + ": not a folder. Give the migrations folder.");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new MigrationException("Cannot list " + folder + " to lint it: " + e.getMessage(), e);
        }
    }

    /**
     * Lints a history on the class path (e.g. {@link CommittedMigrations#PAPERCLIP_LOCATION}, Paperclip's
     * own), in the order of its index.
     *
     * @throws MigrationException when the history or one of its files cannot be read
     */
    public static LintReport lintClasspath(ClassLoader loader, String location) {
        List<SqlFile> sources = new ArrayList<>();
        for (CommittedMigrations.Migration m : CommittedMigrations.fromClasspath(loader, location).migrations()) {
            String resource = location + "/" + m.fileName();
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new MigrationException("Cannot lint " + resource + ": its index lists it but the class path"
                            + " has no such file.");
                }
                sources.add(new SqlFile(m.fileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new MigrationException("Cannot read " + resource + " to lint it: " + e.getMessage(), e);
            }
        }
        return lint(sources);
    }
}
