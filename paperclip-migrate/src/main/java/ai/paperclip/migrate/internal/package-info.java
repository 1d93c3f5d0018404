/** Internals of the CLI: the injected context, the database opener, output helpers. Not an API. */
package ai.paperclip.migrate.internal;
