package ai.paperclip.schema.host;

import static ai.paperclip.schema.model.ReferentialAction.CASCADE;
import static ai.paperclip.schema.model.ReferentialAction.RESTRICT;
import static ai.paperclip.schema.model.ReferentialAction.SET_NULL;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A host application's table: every type, default and key kind the DSL offers. */
public final class Orders extends Table {

    public static final Orders ORDERS = new Orders();

    public final Column<Long> id = bigserial("id").primaryKey();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id).onDelete(CASCADE);
    public final Column<Long> parentId = bigint("parent_id").references(() -> this.id).onDelete(SET_NULL).onUpdate(RESTRICT);
    public final Column<String> code = varchar("code", 20).notNull().defaultValue("it's");
    public final Column<String> note = text("note").defaultValue("");
    public final Column<Integer> quantity = integer("quantity").notNull().defaultValue(-1);
    public final Column<Long> big = bigint("big").notNull().defaultValue(5_000_000_000L);
    public final Column<Short> small = smallint("small").defaultValue((short) 7);
    public final Column<Boolean> paid = bool("paid").notNull().defaultValue(true);
    public final Column<LocalDate> due = date("due").defaultValue(LocalDate.of(2026, 1, 31));
    public final Column<LocalDate> orderedOn = date("ordered_on").defaultNow();
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<LocalDateTime> localAt = timestamp("local_at").defaultValue(LocalDateTime.of(2026, 1, 31, 8, 5, 1, 250_000_000));
    public final Column<Json> payload = jsonb("payload").notNull().defaultValue(Json.of("{\"a\": 1, \"list\": [1, 2]}"));
    public final Column<BigDecimal> amount = numeric("amount", 12, 2).notNull().defaultValue(new BigDecimal("1.50"));
    public final Column<BigDecimal> refund = numeric("refund", 12, 2).defaultValue(new BigDecimal("-1.5"));
    public final Column<BigDecimal> ratio = numeric("ratio");
    public final Column<Double> weight = doublePrecision("weight").defaultValue(0.5);
    public final Column<List<String>> tags = text("tags").array().notNull().defaultValue(List.of("a", "b c"));
    public final Column<List<Integer>> counts = integer("counts").array();
    public final Column<UUID> token = uuid("token").defaultValue(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    public final Column<Integer> lineNo = integer("line_no").generatedAlwaysAsIdentity();
    public final Column<Long> seqNo = bigint("seq_no").generatedByDefaultAsIdentity();
    public final Column<String> email = text("email").unique();
    public final Column<Integer> position = serial("position");
    public final Column<String> order = text("order");
    public final Column<UUID> runId = uuid("run_id").references("heartbeat_runs", "id").onDelete(SET_NULL);
    public final Column<String> lowerDefault = text("lower_default").defaultSql("lower('X'::text)");

    private Orders() {
        super("orders");
        unique("orders_company_code_uq").on(companyId, code).nullsNotDistinct();
        check("orders_quantity_check", "(quantity <> 0)");
        index("orders_company_created_idx").on(companyId, createdAt.desc());
        index("orders_tags_idx").using("gin", tags);
        index("orders_note_trgm_idx").using("gin", note.op("gin_trgm_ops")).where("(note IS NOT NULL)");
        uniqueIndex("orders_lower_code_idx").on(expression("lower((code)::text)"));
        foreignKey(companyId, parentId).references(() -> OrderLinks.ORDER_LINKS, "company_id", "order_id")
                .named("orders_link_fk").onDelete(CASCADE);
    }
}
