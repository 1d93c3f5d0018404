package ai.paperclip.db.introspect.features;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.util.UUID;

/** A table with a composite primary key, the target of a composite foreign key. */
public final class Ledgers extends Table {

    public static final Ledgers LEDGERS = new Ledgers();

    public final Column<UUID> companyId = uuid("company_id");
    public final Column<Long> number = bigint("number");
    public final Column<String> title = varchar("title", 120).notNull().defaultValue("untitled");

    private Ledgers() {
        super("ledgers");
        primaryKey(companyId, number);
    }
}
