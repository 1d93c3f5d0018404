/**
 * Migrations: {@link ai.paperclip.db.migration.Migrator} applies committed Liquibase histories
 * ({@link ai.paperclip.db.migration.MigrationSource}) under a PostgreSQL session advisory lock; its
 * {@link ai.paperclip.db.migration.Migrator#status()} decides "up to date" in one query without loading Liquibase.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.configure().url(directUrl).migrations(MigrationSource.paperclip()).load();
 * MigrationStatus status = migrator.status();
 * if (!status.upToDate()) migrator.migrate();
 * }</pre>
 *
 * <p>{@code PaperclipDb.create} runs it at start-up under the policy of its options; see
 * docs/migrations.md, "Start-up policy".
 */
package ai.paperclip.db.migration;
