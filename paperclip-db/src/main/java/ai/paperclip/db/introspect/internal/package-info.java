/** Catalog queries, push scope and row counts, model comparison, the standard doctor checks. Not API. */
package ai.paperclip.db.introspect.internal;
