/**
 * JUnit 5 support: one shared PostgreSQL per test run, a fresh database per test class or method.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder()
 *         .template("migrated", db -> migrate(db.dataSource())).build();
 * @Test void works(TestDatabase db) throws SQLException { try (var c = db.openConnection()) { ... } }
 * }</pre>
 */
package ai.paperclip.embedded.junit;
