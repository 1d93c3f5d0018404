/**
 * The migration trace: pending migrations applied statement by statement to a throwaway copy of a
 * database under a representative load, with the locks each statement takes and how long it blocks
 * writers and readers ({@link ai.paperclip.db.trace.MigrationTrace}).
 */
package ai.paperclip.db.trace;
