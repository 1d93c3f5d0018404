/** Internals of the migration generator: not API, may change without notice. */
package ai.paperclip.schema.migration.internal;
