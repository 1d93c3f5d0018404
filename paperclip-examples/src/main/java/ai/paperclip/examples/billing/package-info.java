/** The {@code OwnTables} example's host schema: an {@code invoices} table referencing Paperclip's {@code companies}. */
package ai.paperclip.examples.billing;
