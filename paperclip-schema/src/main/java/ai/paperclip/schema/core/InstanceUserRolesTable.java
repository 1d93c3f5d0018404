package ai.paperclip.schema.core;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code instance_user_roles}: roles a user holds over the whole Paperclip instance. */
public final class InstanceUserRolesTable extends Table {

    public static final InstanceUserRolesTable INSTANCE_USER_ROLES = new InstanceUserRolesTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<String> userId = text("user_id").notNull();
    public final Column<String> role = text("role").notNull().defaultValue("instance_admin");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

    private InstanceUserRolesTable() {
        super("instance_user_roles");
        index("instance_user_roles_role_idx").on(role);
        uniqueIndex("instance_user_roles_user_role_unique_idx").on(userId, role);
    }

    /** Values of {@code instance_user_roles.role}: only {@code instance_admin}. */
    public enum Role implements TextValue { INSTANCE_ADMIN }
}
