package ai.paperclip.db.introspect;

/**
 * The migration history that the upstream TypeScript Paperclip (drizzle-kit) keeps in
 * {@value #TABLE}: its presence tells that a database was created by it.
 *
 * @param rows the number of migrations recorded in it
 */
public record DrizzleHistory(long rows) {

    /** Where drizzle-kit records its applied migrations. */
    public static final String TABLE = "drizzle.__drizzle_migrations";

    /** {@code drizzle.__drizzle_migrations is present with 42 rows: ...}. */
    public String describe() {
        return TABLE + " is present with " + rows + (rows == 1 ? " row" : " rows")
                + ": the database was migrated by the TypeScript Paperclip (drizzle-kit).";
    }
}
