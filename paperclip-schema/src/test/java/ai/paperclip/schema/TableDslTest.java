package ai.paperclip.schema;

import static ai.paperclip.schema.host.Orders.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.paperclip.schema.host.OrderLinks;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ColumnModel.Identity;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableDslTest {

    private static final TableModel ORDERS_MODEL = ORDERS.model();

    private static ColumnModel column(String name) {
        return ORDERS_MODEL.column(name).orElseThrow();
    }

    @Test
    void everyTypeIsStoredAsFormatTypePrintsIt() {
        assertThat(ORDERS_MODEL.columns()).extracting(ColumnModel::name, ColumnModel::type).startsWith(
                tuple("id", "bigint"),
                tuple("company_id", "uuid"),
                tuple("parent_id", "bigint"),
                tuple("code", "character varying(20)"),
                tuple("note", "text"),
                tuple("quantity", "integer"),
                tuple("big", "bigint"),
                tuple("small", "smallint"),
                tuple("paid", "boolean"),
                tuple("due", "date"),
                tuple("ordered_on", "date"),
                tuple("created_at", "timestamp with time zone"),
                tuple("local_at", "timestamp without time zone"),
                tuple("payload", "jsonb"),
                tuple("amount", "numeric(12,2)"),
                tuple("refund", "numeric(12,2)"),
                tuple("ratio", "numeric"),
                tuple("weight", "double precision"),
                tuple("tags", "text[]"),
                tuple("counts", "integer[]"));
    }

    @Test
    void defaultsAreStoredInCatalogForm() {
        assertThat(column("code").defaultExpression()).isEqualTo("'it''s'::character varying");
        assertThat(column("quantity").defaultExpression()).isEqualTo("'-1'::integer");
        assertThat(column("paid").defaultExpression()).isEqualTo("true");
        assertThat(column("created_at").defaultExpression()).isEqualTo("now()");
        assertThat(column("payload").defaultExpression()).isEqualTo("'{\"a\": 1, \"list\": [1, 2]}'::jsonb");
        assertThat(column("tags").defaultExpression()).isEqualTo("'{a,\"b c\"}'::text[]");
        assertThat(column("lower_default").defaultExpression()).isEqualTo("lower('X'::text)");
    }

    @Test
    void serialAndIdentityColumnsAreNotNullIntegers() {
        assertThat(column("id")).isEqualTo(new ColumnModel("id", "bigint", true, "nextval('orders_id_seq'::regclass)"));
        assertThat(column("position")).isEqualTo(new ColumnModel("position", "integer", true,
                "nextval('orders_position_seq'::regclass)"));
        assertThat(column("line_no")).isEqualTo(new ColumnModel("line_no", "integer", true, null, Identity.ALWAYS));
        assertThat(column("seq_no")).isEqualTo(new ColumnModel("seq_no", "bigint", true, null, Identity.BY_DEFAULT));
    }

    @Test
    void modifiersReturnNewDefinitionsAndTheTableKeepsTheLatest() {
        class Pairs extends Table {
            final Column<String> plain;
            final Column<String> required;

            Pairs() {
                super("pairs");
                plain = text("v");
                required = plain.notNull().defaultValue("x");
            }
        }
        Pairs pairs = new Pairs();

        assertThat(pairs.plain.model()).isEqualTo(new ColumnModel("v", "text", false, null));
        assertThat(pairs.required.model()).isEqualTo(new ColumnModel("v", "text", true, "'x'::text"));
        assertThat(pairs.model().columns()).containsExactly(new ColumnModel("v", "text", true, "'x'::text"));
        assertThat(pairs.column("v")).containsSame(pairs.required);
    }

    @Test
    void keysAreNamedLikePostgresqlAndDrizzleNameThem() {
        assertThat(ORDERS_MODEL.primaryKey()).isEqualTo(new PrimaryKeyModel("orders_pkey", List.of("id")));
        assertThat(ORDERS_MODEL.foreignKeys()).containsExactly(
                new ForeignKeyModel("orders_company_id_companies_id_fk", List.of("company_id"), "companies",
                        List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                new ForeignKeyModel("orders_link_fk", List.of("company_id", "parent_id"), "order_links",
                        List.of("company_id", "order_id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                new ForeignKeyModel("orders_parent_id_orders_id_fk", List.of("parent_id"), "orders",
                        List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.RESTRICT),
                new ForeignKeyModel("orders_run_id_heartbeat_runs_id_fk", List.of("run_id"), "heartbeat_runs",
                        List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION));
        assertThat(ORDERS_MODEL.uniqueConstraints()).containsExactly(
                new UniqueConstraintModel("orders_company_code_uq", List.of("company_id", "code"), true),
                new UniqueConstraintModel("orders_email_unique", List.of("email"), false));
    }

    @Test
    void compositePrimaryKeyColumnsBecomeNotNull() {
        TableModel links = OrderLinks.ORDER_LINKS.model();

        assertThat(links.primaryKey()).isEqualTo(new PrimaryKeyModel("order_links_pkey", List.of("company_id", "order_id")));
        assertThat(links.columns()).extracting(ColumnModel::notNull).containsExactly(true, true, false);
    }

    @Test
    void indexesCarryOrderMethodOperatorClassExpressionAndPredicate() {
        assertThat(ORDERS_MODEL.indexes()).containsExactly(
                new IndexModel("orders_company_created_idx", false, "btree",
                        List.of(IndexElement.column("company_id"), IndexElement.column("created_at").desc()), null),
                new IndexModel("orders_lower_code_idx", true, "btree",
                        List.of(IndexElement.expression("lower((code)::text)")), null),
                new IndexModel("orders_note_trgm_idx", false, "gin",
                        List.of(IndexElement.column("note").withOperatorClass("gin_trgm_ops")), "(note IS NOT NULL)"),
                new IndexModel("orders_tags_idx", false, "gin", List.of(IndexElement.column("tags")), null));
        assertThat(ORDERS_MODEL.checks()).extracting(c -> c.name() + " " + c.expression())
                .containsExactly("orders_quantity_check (quantity <> 0)");
    }

    @Test
    void buildingTheModelFreezesTheTable() {
        class Late extends Table {
            final Column<String> v = text("v");

            Late() {
                super("late");
            }
        }
        Late late = new Late();
        TableModel first = late.model();

        assertThatThrownBy(() -> late.v.notNull())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"late\": the table is complete (its model was built);"
                        + " change it only while it is being defined");
        assertThat(late.model()).isSameAs(first);
    }
}
