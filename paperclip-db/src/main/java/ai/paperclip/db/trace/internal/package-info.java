/** Internals of the migration trace: the load, the lock monitor and the statement runner. Not API. */
package ai.paperclip.db.trace.internal;
