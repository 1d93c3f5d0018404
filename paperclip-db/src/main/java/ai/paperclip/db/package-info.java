/**
 * paperclip-db: Paperclip's PostgreSQL data layer. The front door is {@link ai.paperclip.db.PaperclipDb}.
 *
 * <pre>{@code
 * PaperclipDbOptions options = PaperclipDbOptions.fromEnvironment(System.getenv());
 * try (PaperclipDb db = PaperclipDb.create("postgres://app:secret@db.example.com:5432/paperclip", options)) {
 *     Result<Record> companies = db.dsl().fetch("select id, name from companies");
 *     DbHealth health = db.health();
 * }
 * }</pre>
 *
 * <p>URLs: libpq URIs ({@code postgres://}, {@code postgresql://}) are converted for pgJDBC;
 * {@code jdbc:postgresql:} URLs are used as they are. Servers older than PostgreSQL 17 are refused.
 * Before {@code create} returns, pending migrations are applied or refused by the start-up policy of the
 * options ({@link ai.paperclip.db.migration} has the {@code Migrator} behind it).
 * Everything thrown is a {@link ai.paperclip.db.PaperclipDbException}; no message holds a password.
 */
package ai.paperclip.db;
