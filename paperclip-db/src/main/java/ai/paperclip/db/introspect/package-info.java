/**
 * The live schema as a schema model, and what the {@code push}, {@code adopt} and {@code doctor}
 * commands are built on.
 *
 * <pre>{@code
 * try (Connection c = db.dataSource().getConnection()) {
 *     SchemaModel live = SchemaIntrospector.introspect(c);                                         // read
 *     ComparisonReport report = SchemaComparison.compare(c, CommittedMigrations.paperclip().newestSchema()); // adopt
 *     PushResult plan = SchemaPush.push(c, PaperclipSchema.SCHEMA.model(), PushOptions.builder().dryRun(true).build());
 * }
 * List<DoctorCheck.Result> checks = DoctorChecks.standard().run(url);                                // doctor
 * }</pre>
 *
 * <p>Everything thrown is a {@link ai.paperclip.db.PaperclipDbException}: {@link IntrospectionException},
 * {@link PushRefusedException} (nothing changed), {@link PushFailedException} (rolled back).
 */
package ai.paperclip.db.introspect;
