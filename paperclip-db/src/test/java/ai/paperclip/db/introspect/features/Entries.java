package ai.paperclip.db.introspect.features;

import static ai.paperclip.db.introspect.features.Ledgers.LEDGERS;
import static ai.paperclip.db.introspect.features.Users.USERS;
import static ai.paperclip.schema.model.ReferentialAction.CASCADE;
import static ai.paperclip.schema.model.ReferentialAction.SET_NULL;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Every index kind, identity columns, composite and single foreign keys with ON UPDATE, a check. */
public final class Entries extends Table {

    public static final Entries ENTRIES = new Entries();

    public final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
    public final Column<Integer> position = integer("position").generatedByDefaultAsIdentity();
    public final Column<UUID> companyId = uuid("company_id").notNull();
    public final Column<Long> ledgerNumber = bigint("ledger_number");
    public final Column<Integer> userId = integer("user_id").references(() -> USERS.id).onDelete(SET_NULL).onUpdate(CASCADE);
    public final Column<String> memo = text("memo");
    public final Column<BigDecimal> amount = numeric("amount", 12, 2).notNull().defaultValue(new BigDecimal("0.00"));
    public final Column<List<String>> tags = text("tags").array().notNull().defaultValue(List.of());
    public final Column<Json> details = jsonb("details").notNull().defaultValue(Json.EMPTY_OBJECT);
    public final Column<OffsetDateTime> bookedAt = timestamptz("booked_at").notNull().defaultNow();

    private Entries() {
        super("entries");
        foreignKey(companyId, ledgerNumber).references(() -> LEDGERS, "company_id", "number")
                .named("entries_ledger_fk").onDelete(CASCADE).onUpdate(CASCADE);
        check("entries_amount_check", "(amount <> (0)::numeric)");
        index("entries_company_booked_idx").on(companyId, bookedAt.desc());
        index("entries_memo_trgm_idx").using("gin", memo.op("gin_trgm_ops")).where("(memo IS NOT NULL)");
        index("entries_tags_idx").using("gin", tags);
        uniqueIndex("entries_lower_memo_idx").on(companyId, expression("lower(memo)")).where("(amount > (0)::numeric)");
        index("entries_open_idx").on(userId).where("(ledger_number IS NULL)");
    }
}
