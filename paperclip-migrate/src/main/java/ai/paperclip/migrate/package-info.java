/**
 * {@code paperclip-migrate}: the command-line tool for developers and CI pipelines.
 *
 * <pre>
 * java -jar paperclip-migrate/target/paperclip-migrate.jar migrate        # DATABASE_URL, .env, config.json or embedded
 * java -jar paperclip-migrate/target/paperclip-migrate.jar status --json  # exit status 3 when migrations are pending
 * java -jar paperclip-migrate/target/paperclip-migrate.jar check          # the CI gate: definitions vs committed history
 * </pre>
 *
 * {@link ai.paperclip.migrate.PaperclipMigrate#main} is the only place that reads the environment and exits;
 * {@link ai.paperclip.migrate.PaperclipMigrate#commandLine} gives the same commands with an injected context
 * for tests and embedding. Exit statuses are {@link ai.paperclip.migrate.ExitCode}.
 */
package ai.paperclip.migrate;
