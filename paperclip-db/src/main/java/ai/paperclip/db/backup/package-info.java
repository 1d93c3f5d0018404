/**
 * Backups, restores and verification of a Paperclip database, in-process (no {@code pg_dump}, no {@code psql}).
 *
 * <pre>{@code
 * Backups backups = Backups.of(url, BackupOptions.builder().directory(dir).build());
 * BackupResult made = backups.backup();
 * VerifyReport report = backups.verify(made.file());
 * Backups.of(otherUrl, options).restore(made.file(), false);
 * }</pre>
 *
 * <p>Everything thrown is a {@link ai.paperclip.db.backup.BackupException} (a
 * {@link ai.paperclip.db.PaperclipDbException}): {@link ai.paperclip.db.backup.CorruptBackupException} and
 * {@link ai.paperclip.db.backup.RestoreRefusedException} leave the target unchanged.
 */
package ai.paperclip.db.backup;
