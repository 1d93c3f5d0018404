/** Internals of backups: the dump catalog, the script reader, the gzip writer, the atomic file. Not API. */
package ai.paperclip.db.backup.internal;
