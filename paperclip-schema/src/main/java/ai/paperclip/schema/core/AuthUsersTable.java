package ai.paperclip.schema.core;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;

/**
 * {@code "user"} (code name {@code authUsers}): Better-Auth's users. {@code user} is a reserved
 * word, always quoted. The table is bare on purpose: the id is application-generated text, there
 * is no unique index on {@code email}, and the timestamps have no defaults (Better-Auth or
 * Paperclip's bootstrap supplies every value). Other tables refer to users by plain text ids with
 * no foreign key; the local trusted-mode user is {@code local-board}.
 */
public final class AuthUsersTable extends Table {

    public static final AuthUsersTable AUTH_USERS = new AuthUsersTable();

    /** The user id of Paperclip's local trusted mode. */
    public static final String LOCAL_BOARD_USER_ID = "local-board";

    public final Column<String> id = text("id").primaryKey();
    public final Column<String> name = text("name").notNull();
    public final Column<String> email = text("email").notNull();
    public final Column<Boolean> emailVerified = bool("email_verified").notNull().defaultValue(false);
    public final Column<String> image = text("image");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull();

    private AuthUsersTable() {
        super("user");
    }
}
