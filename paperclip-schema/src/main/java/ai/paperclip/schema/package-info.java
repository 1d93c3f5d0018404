/**
 * Paperclip's table DSL and schema model.
 */
package ai.paperclip.schema;
