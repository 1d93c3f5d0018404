/**
 * Paperclip's table DSL: tables as Java classes, checked when they are defined, turned into the
 * plain {@linkplain ai.paperclip.schema.model schema model} that snapshots, migrations and the DDL
 * renderer work on.
 *
 * <pre>{@code
 * public final class Notes extends Table {                         // a host application's table
 *     public static final Notes NOTES = new Notes();
 *     public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
 *     public final Column<UUID> issueId = uuid("issue_id").notNull().references(() -> ISSUES.id).onDelete(CASCADE);
 *     private Notes() { super("notes"); index("notes_issue_idx").on(issueId); }
 * }
 * SchemaModel model = Schema.builder().include(PaperclipSchema.SCHEMA).table(NOTES).build().model();
 * List<String> ddl = PostgresDdl.createSchema(model);
 * }</pre>
 *
 * <p>Front door: {@link ai.paperclip.schema.Table} (subclass it), {@link ai.paperclip.schema.Column},
 * {@link ai.paperclip.schema.Schema}. Paperclip's own tables are in
 * {@link ai.paperclip.schema.core}. Mistakes throw
 * {@link ai.paperclip.schema.SchemaDefinitionException} naming the table and column.
 */
package ai.paperclip.schema;
