package ai.paperclip.schema;

import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.core.PaperclipSchema;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every definition error fails when the table is defined, naming the table and column and the fix. */
class DefinitionErrorsTest {

    private static final String LONG_NAME = "n".repeat(64);

    @Test
    void aDuplicateColumnIsRefusedWhereItIsDeclared() {
        assertThatThrownBy(() -> new Table("t") {
            final Column<String> a = text("a");
            final Column<Integer> b = integer("a");
        }).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"a\": defined twice; give each column its own name");
    }

    @Test
    void aTableNameOver63BytesIsRefused() {
        assertThatThrownBy(() -> new Table(LONG_NAME) {
        }).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"" + LONG_NAME + "\": the table name is 64 bytes long;"
                        + " PostgreSQL keeps only 63 bytes of a name, so shorten it");
    }

    @Test
    void aColumnNameOver63BytesCountedInUtf8IsRefused() {
        String name = "é".repeat(32);
        assertThatThrownBy(() -> new Table("t") {
            final Column<String> a = text(name);
        }).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"" + name + "\": the name is 64 bytes long;"
                        + " PostgreSQL keeps only 63 bytes of a name, so shorten it");
    }

    @Test
    void anIndexNameOver63BytesIsRefused() {
        assertThatThrownBy(() -> new Table("t") {
            final Column<String> a = text("a");
            {
                index(LONG_NAME).on(a);
            }
        }).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\": index \"" + LONG_NAME + "\" is 64 bytes long;"
                        + " PostgreSQL keeps only 63 bytes of a name, so shorten it");
    }

    @Test
    void anIndexOnAColumnOfAnotherTableIsRefused() {
        assertThatThrownBy(() -> new Table("t") {
            final Column<String> a = text("a");
            {
                index("t_a_idx").on(a, COMPANIES.status);
            }
        }).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\": index \"t_a_idx\" names column companies.status, which is not a column of t;"
                        + " use the table's own columns");
    }

    @Test
    void twoIndexesWithOneNameAreRefused() {
        assertThatThrownBy(() -> new Table("t") {
            final Column<String> a = text("a");
            {
                index("t_idx").on(a);
                uniqueIndex("t_idx").on(a);
            }
        }).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\": the name \"t_idx\" is used twice; give each index and constraint its own name");
    }

    @Test
    void aForeignKeyWhoseTypeDiffersFromItsTargetIsRefused() {
        Table table = new Table("t") {
            final Column<String> companyId = text("company_id").references(() -> COMPANIES.id);
        };
        assertThatThrownBy(table::model).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"company_id\": the foreign key column is text but the referenced"
                        + " column companies.id is uuid; give both columns the same type");
    }

    @Test
    void aForeignKeyToAMissingColumnIsRefused() {
        Table table = new Table("t") {
            final Column<UUID> companyId = uuid("company_id");
            {
                foreignKey(companyId).references(() -> COMPANIES, "nope");
            }
        };
        assertThatThrownBy(table::model).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"company_id\": the foreign key references column companies.nope,"
                        + " which does not exist; reference one of the columns of companies");
    }

    @Test
    void aForeignKeyToATableMissingFromTheSchemaIsRefusedUnlessDeclaredExternal() {
        Table table = new Table("t") {
            final Column<UUID> runId = uuid("run_id").references("heartbeat_runs", "id");
        };
        assertThatThrownBy(() -> Schema.builder().table(table).build())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"run_id\": foreign key t_run_id_heartbeat_runs_id_fk references"
                        + " table \"heartbeat_runs\", which is not in the schema; add that table to the schema or"
                        + " declare it with external(\"heartbeat_runs\")");

        Schema.builder().table(table).external("heartbeat_runs").build();
    }

    @Test
    void aTypedForeignKeyToATableLeftOutOfTheSchemaIsRefused() {
        Table table = new Table("t") {
            final Column<UUID> companyId = uuid("company_id").references(() -> COMPANIES.id);
        };
        assertThatThrownBy(() -> Schema.builder().table(table).build())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageStartingWith("Table \"t\", column \"company_id\": foreign key t_company_id_companies_id_fk"
                        + " references table \"companies\", which is not in the schema");
    }

    @Test
    void aForeignKeyByNameToAMissingColumnOfASchemaTableIsRefused() {
        Table table = new Table("t") {
            final Column<UUID> companyId = uuid("company_id").references("companies", "uid");
        };
        assertThatThrownBy(() -> Schema.builder().include(PaperclipSchema.SCHEMA).table(table).build())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"company_id\": foreign key t_company_id_companies_uid_fk references"
                        + " column companies.uid, which does not exist; reference one of the columns of companies");
    }

    @Test
    void aForeignKeyByNameWithTheWrongTypeIsRefused() {
        Table table = new Table("t") {
            final Column<String> companyId = text("company_id").references("companies", "id");
        };
        assertThatThrownBy(() -> Schema.builder().include(PaperclipSchema.SCHEMA).table(table).build())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"company_id\": foreign key t_company_id_companies_id_fk: the column"
                        + " is text but the referenced column companies.id is uuid; give both columns the same type");
    }

    @Test
    void aForeignKeyToColumnsThatAreNotAKeyIsRefused() {
        Table table = new Table("t") {
            final Column<String> companyName = text("company_name").references(() -> COMPANIES.name);
        };
        assertThatThrownBy(() -> Schema.builder().include(PaperclipSchema.SCHEMA).table(table).build())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"company_name\": foreign key t_company_name_companies_name_fk"
                        + " references companies(name), which is neither the primary key nor unique;"
                        + " reference a key, or add a unique constraint on those columns");
    }

    @Test
    void twoPrimaryKeysAreRefused() {
        Table table = new Table("t") {
            final Column<UUID> a = uuid("a").primaryKey();
            final Column<UUID> b = uuid("b").primaryKey();
        };
        assertThatThrownBy(table::model).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", columns \"a\", \"b\": each marked primaryKey();"
                        + " declare a composite key with primaryKey(columns...) instead");
    }

    @Test
    void anIndexNameThatCollidesWithAnotherTablesIndexIsRefused() {
        Table table = new Table("t") {
            final Column<String> a = text("a");
            {
                index("companies_issue_prefix_idx").on(a);
            }
        };
        assertThatThrownBy(() -> Schema.builder().include(PaperclipSchema.SCHEMA).table(table).build())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Schema: the name \"companies_issue_prefix_idx\" is used by an index or sequence of table"
                        + " companies and by an index or sequence of table t; tables, indexes and sequences share one"
                        + " namespace in PostgreSQL, so rename one");
    }

    @Test
    void aDefaultOfTheWrongKindIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> new Table("t") {
            final Column<Integer> n = integer("n").defaultNow();
        }).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"n\": defaultNow() needs a timestamp or date column, not integer");
    }

    @Test
    void onDeleteWithoutAForeignKeyIsRefused() {
        assertThatThrownBy(() -> new Table("t") {
            final Column<UUID> n = uuid("n").onDelete(ai.paperclip.schema.model.ReferentialAction.CASCADE);
        }).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("Table \"t\", column \"n\": onDelete(...) needs a foreign key; call references(...) first");
    }
}
