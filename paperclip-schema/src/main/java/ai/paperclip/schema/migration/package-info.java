/**
 * Migrations derived from schema models: {@link ai.paperclip.schema.migration.SchemaDiff} (typed,
 * ordered changes), {@link ai.paperclip.schema.migration.MigrationGenerator} (Liquibase formatted
 * SQL, snapshots, index, master changelog) and {@link ai.paperclip.schema.migration.MigrationCheck}
 * (the CI gate).
 *
 * <pre>{@code
 * Path folder = Path.of("src/main/resources/db/migrations");
 * MigrationGenerator.generate(MySchema.model(), folder, MigrationOptions.defaults());  // writes NNNN_name.sql
 * CheckResult check = MigrationCheck.run(MySchema.model(), folder, MigrationOptions.defaults());
 * if (!check.ok()) throw new IllegalStateException(check.message());
 * }</pre>
 */
package ai.paperclip.schema.migration;
