package ai.paperclip.db.introspect.features;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;

/** A table named with a reserved word ({@code "user"}), a serial key and a reserved column name. */
public final class Users extends Table {

    public static final Users USERS = new Users();

    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> email = text("email");
    public final Column<String> tenant = text("tenant");
    public final Column<String> order = text("order");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

    private Users() {
        super("user");
        unique("user_tenant_email_uq").on(tenant, email).nullsNotDistinct();
        check("user_email_check", "(email ~~ '%@%'::text)");
    }
}
