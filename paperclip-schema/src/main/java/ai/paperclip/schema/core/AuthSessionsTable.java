package ai.paperclip.schema.core;

import static ai.paperclip.schema.model.ReferentialAction.CASCADE;
import static ai.paperclip.schema.core.AuthUsersTable.AUTH_USERS;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;

/**
 * {@code session} (code name {@code authSessions}): Better-Auth's sessions. Bare like
 * {@link AuthUsersTable}: text id, no unique index on {@code token}, no timestamp defaults.
 */
public final class AuthSessionsTable extends Table {

    public static final AuthSessionsTable AUTH_SESSIONS = new AuthSessionsTable();

    public final Column<String> id = text("id").primaryKey();
    public final Column<OffsetDateTime> expiresAt = timestamptz("expires_at").notNull();
    public final Column<String> token = text("token").notNull();
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull();
    public final Column<String> ipAddress = text("ip_address");
    public final Column<String> userAgent = text("user_agent");
    public final Column<String> userId = text("user_id").notNull().references(() -> AUTH_USERS.id).onDelete(CASCADE);

    private AuthSessionsTable() {
        super("session");
    }
}
