/**
 * Runnable examples of Paperclip DB for Java, each run by the build's tests and quoted by the
 * README and the pages under docs/.
 * Each {@code main} reads {@code System.getenv()} and passes it on, so tests run them with their own
 * environment.
 *
 * <pre>{@code
 * try (PaperclipDb db = PaperclipDb.fromEnvironment(System.getenv())) {   // embedded when nothing is set
 *     db.dsl().transaction(tx -> tx.dsl().selectFrom(COMPANIES).fetch());
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link ai.paperclip.examples.QuickStart}: embedded PostgreSQL, nothing to install;</li>
 *   <li>{@link ai.paperclip.examples.ExternalDatabase}: a server named by {@code DATABASE_URL};</li>
 *   <li>{@link ai.paperclip.examples.BehindAPooler}: a transaction-mode pooler (Supabase port 6543);</li>
 *   <li>{@link ai.paperclip.examples.OwnTables}: a host's own table and migrations beside Paperclip's.</li>
 * </ul>
 */
package ai.paperclip.examples;
