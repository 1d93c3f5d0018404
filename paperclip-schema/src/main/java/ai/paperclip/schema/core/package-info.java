/**
 * Paperclip's 13 core tables, one class per table, exactly as upstream Paperclip has them (docs/tables.md
 * lists them and what is left out on purpose; {@code CoreSchemaCatalogIT} holds the golden catalog): {@link ai.paperclip.schema.core.AuthUsersTable} is the table
 * {@code "user"}, {@link ai.paperclip.schema.core.AuthSessionsTable} is {@code session}, and work
 * items ("tasks") are rows of {@link ai.paperclip.schema.core.IssuesTable}.
 * {@link ai.paperclip.schema.core.PaperclipSchema#SCHEMA} groups them with {@code pg_trgm}.
 *
 * <p>Enum-like text columns have no CHECK constraint, as upstream; their value sets are the nested
 * {@link ai.paperclip.schema.core.TextValue} enums ({@code IssuesTable.Status.IN_PROGRESS.value()}),
 * for application-side validation.
 */
package ai.paperclip.schema.core;
