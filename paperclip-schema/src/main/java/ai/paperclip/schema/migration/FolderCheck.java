package ai.paperclip.schema.migration;

import ai.paperclip.schema.lint.LintReport;
import ai.paperclip.schema.lint.MigrationLint;
import ai.paperclip.schema.model.SchemaModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The CI gate on a migrations folder, no database: {@link MigrationCheck} (definitions against the committed history,
 * conflicts, edits, the index, transaction control), then {@link MigrationLint} on the folder's SQL. What
 * {@code paperclip-migrate check} and the Maven plugin's {@code paperclip:check} run; a check problem decides before
 * the lint does.
 *
 * <pre>{@code
 * FolderCheck gate = FolderCheck.run(model, Path.of("db/migrations"), MigrationOptions.builder().build());
 * if (!gate.ok()) { ... gate.check().problems(), gate.lint().findings() ... }
 * }</pre>
 *
 * @param check the check's problems
 * @param lint the lint's findings
 */
public record FolderCheck(CheckResult check, LintReport lint) {

    public FolderCheck {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(lint, "lint");
    }

    /**
     * Checks and lints {@code folder}.
     *
     * @throws MigrationException when the folder cannot be read
     */
    public static FolderCheck run(SchemaModel model, Path folder, MigrationOptions options) {
        return new FolderCheck(MigrationCheck.run(model, folder, options), MigrationLint.lintFolder(folder));
    }

    /** Whether the lint decides the outcome: the check passed and the lint found an error-level problem. */
    public boolean lintFailed() {
        return check.ok() && !lint.ok();
    }

    /** Whether both passed. */
    public boolean ok() {
        return check.ok() && lint.ok();
    }
}
