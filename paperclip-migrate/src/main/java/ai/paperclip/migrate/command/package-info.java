/**
 * One class per command: options, one call of a library front door (paperclip-db's {@code Migrator},
 * {@code MigrationDatabase}, {@code Doctor}, {@code DatabaseCheck}, {@code Adoption}, {@code InstanceBackups},
 * {@code SchemaPush}; paperclip-schema's generator, check and lint; paperclip-embedded), then its result as text or
 * JSON and an exit status. No decision is made here. Not an API: use
 * {@link ai.paperclip.migrate.PaperclipMigrate#commandLine}.
 */
package ai.paperclip.migrate.command;
