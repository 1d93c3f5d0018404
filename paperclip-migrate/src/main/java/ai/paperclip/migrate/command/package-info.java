/**
 * One class per command. Commands parse options and print; the work is the libraries' (paperclip-schema's
 * generator and check, paperclip-db's Migrator, SchemaPush, SchemaComparison, DoctorChecks, paperclip-embedded).
 * Not an API: use {@link ai.paperclip.migrate.PaperclipMigrate#commandLine}.
 */
package ai.paperclip.migrate.command;
