/**
 * Paperclip's 13 core tables, one class per table, exactly as upstream Paperclip has them
 * (shared/spec/core-schema.md): {@link ai.paperclip.schema.paperclip.AuthUsers} is the table
 * {@code "user"}, {@link ai.paperclip.schema.paperclip.AuthSessions} is {@code session}, and work
 * items ("tasks") are rows of {@link ai.paperclip.schema.paperclip.Issues}.
 * {@link ai.paperclip.schema.paperclip.PaperclipSchema#SCHEMA} groups them with {@code pg_trgm}.
 *
 * <p>Enum-like text columns have no CHECK constraint, as upstream; their value sets are the nested
 * {@link ai.paperclip.schema.paperclip.TextValue} enums ({@code Issues.Status.IN_PROGRESS.value()}),
 * for application-side validation.
 */
package ai.paperclip.schema.paperclip;
