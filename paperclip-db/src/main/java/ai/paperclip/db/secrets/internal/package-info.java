/** Internals of {@code ai.paperclip.db.secrets}: the material format, key text and key file. Not API. */
package ai.paperclip.db.secrets.internal;
