/**
 * Embedded PostgreSQL for host applications, and the Paperclip instance home.
 *
 * <pre>{@code
 * InstanceHome home = InstanceHome.fromEnvironment(System.getenv());   // PAPERCLIP_HOME, PAPERCLIP_INSTANCE_ID
 * try (EmbeddedPostgres pg = EmbeddedPostgres.builder().instanceHome(home).start()) {
 *     DataSource ds = ...;   // pg.jdbcUrl(), pg.user(), pg.password()
 * }                          // the last user of the server, in any process, stops it
 * }</pre>
 *
 * <p>{@link ai.paperclip.embedded.PaperclipConfig} reads {@code config.json} leniently,
 * {@link ai.paperclip.embedded.DotEnvFile} the instance {@code .env}; the test extension lives in
 * {@code ai.paperclip.embedded.junit}.
 */
package ai.paperclip.embedded;
