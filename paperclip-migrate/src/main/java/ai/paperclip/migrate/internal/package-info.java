/** Internals of the CLI: the injected context, option types, output helpers (text, JSON, progress). Not an API. */
package ai.paperclip.migrate.internal;
