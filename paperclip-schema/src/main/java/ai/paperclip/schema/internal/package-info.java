/** Internals of the DSL (identifier lengths, catalog-form literals); not API, may change without notice. */
package ai.paperclip.schema.internal;
