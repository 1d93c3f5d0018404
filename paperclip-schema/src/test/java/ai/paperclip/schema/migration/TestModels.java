package ai.paperclip.schema.migration;

import ai.paperclip.schema.model.CheckModel;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made schema models for the generator's tests: a small schema (v1), a bigger one with
 * foreign keys, partial, expression and trigram indexes, a check and jsonb defaults (v2), and a
 * third with renames, a dropped index and a dropped column (v3).
 */
final class TestModels {

    private TestModels() {
    }

    static ColumnModel col(String name, String type, boolean notNull, String defaultExpression) {
        return new ColumnModel(name, type, notNull, defaultExpression);
    }

    static ColumnModel id() {
        return col("id", "uuid", true, "gen_random_uuid()");
    }

    static TableModel table(String name, List<ColumnModel> columns) {
        return new TableModel(name, columns, new PrimaryKeyModel(name + "_pkey", List.of("id")), List.of(), List.of(),
                List.of(), List.of());
    }

    /** A copy of the table built step by step. */
    static final class T {
        String name;
        List<ColumnModel> columns = new ArrayList<>();
        PrimaryKeyModel pk;
        List<ForeignKeyModel> fks = new ArrayList<>();
        List<UniqueConstraintModel> uniques = new ArrayList<>();
        List<CheckModel> checks = new ArrayList<>();
        List<IndexModel> indexes = new ArrayList<>();

        T(String name) {
            this.name = name;
            this.pk = new PrimaryKeyModel(name + "_pkey", List.of("id"));
        }

        T col(String column, String type, boolean notNull, String defaultExpression) {
            columns.add(TestModels.col(column, type, notNull, defaultExpression));
            return this;
        }

        T fk(String fkName, String column, String table, ReferentialAction onDelete) {
            fks.add(new ForeignKeyModel(fkName, List.of(column), table, List.of("id"), onDelete, null));
            return this;
        }

        T index(IndexModel index) {
            indexes.add(index);
            return this;
        }

        TableModel build() {
            return new TableModel(name, columns, pk, fks, uniques, checks, indexes);
        }
    }

    static SchemaModel v1() {
        TableModel companies = new T("companies").col("id", "uuid", true, "gen_random_uuid()")
                .col("name", "text", true, null)
                .col("status", "text", true, "'active'::text")
                .col("created_at", "timestamp with time zone", true, "now()").build();
        TableModel agents = new T("agents").col("id", "uuid", true, "gen_random_uuid()")
                .col("company_id", "uuid", true, null)
                .col("name", "text", true, null)
                .col("title", "text", false, null).build();
        return new SchemaModel(List.of(), List.of(companies, agents));
    }

    static SchemaModel v2() {
        T companies = new T("companies").col("id", "uuid", true, "gen_random_uuid()")
                .col("name", "text", true, null)
                .col("status", "text", true, "'active'::text")
                .col("created_at", "timestamp with time zone", true, "now()")
                .col("description", "text", false, null)
                .col("budget_monthly_cents", "integer", true, "0");
        companies.uniques.add(new UniqueConstraintModel("companies_name_unique", List.of("name"), false));
        T agents = new T("agents").col("id", "uuid", true, "gen_random_uuid()")
                .col("company_id", "uuid", true, null)
                .col("name", "text", true, null)
                .col("title", "text", false, null)
                .col("reports_to", "uuid", false, null)
                .col("runtime_config", "jsonb", true, "'{}'::jsonb")
                .fk("agents_company_id_companies_id_fk", "company_id", "companies", ReferentialAction.NO_ACTION)
                .fk("agents_reports_to_agents_id_fk", "reports_to", "agents", ReferentialAction.NO_ACTION)
                .index(new IndexModel("agents_name_lower_idx", false, null,
                        List.of(IndexElement.expression("lower(name)")), null));
        T issues = new T("issues").col("id", "uuid", true, "gen_random_uuid()")
                .col("company_id", "uuid", true, null)
                .col("number", "integer", true, "nextval('issues_number_seq'::regclass)")
                .col("title", "text", true, null)
                .col("status", "text", true, "'backlog'::text")
                .col("priority", "text", true, "'medium'::text")
                .col("assignee_agent_id", "uuid", false, null)
                .col("metadata", "jsonb", true, "'{}'::jsonb")
                .col("labels", "text[]", true, "'{}'::text[]")
                .fk("issues_company_id_companies_id_fk", "company_id", "companies", ReferentialAction.CASCADE)
                .fk("issues_assignee_agent_id_agents_id_fk", "assignee_agent_id", "agents", ReferentialAction.SET_NULL)
                .index(new IndexModel("issues_company_status_idx", false, null,
                        List.of(IndexElement.column("company_id"), IndexElement.column("status")),
                        "(status <> 'done'::text)"))
                .index(new IndexModel("issues_title_trgm_idx", false, "gin",
                        List.of(IndexElement.column("title").withOperatorClass("gin_trgm_ops")), null));
        issues.checks.add(new CheckModel("issues_priority_check",
                "(priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text]))"));
        return new SchemaModel(List.of("pg_trgm"), List.of(companies.build(), agents.build(), issues.build()));
    }

    /** The decisions that take v2 to v3. */
    static String v3Decisions() {
        return "# Decisions for the next migration\n"
                + "rename table issues -> tasks\n"
                + "rename column agents.title -> agents.job_title\n"
                + "allow drop column companies.description  # replaced by nothing\n";
    }

    /** v2 with issues renamed to tasks, agents.title renamed, the trigram index and a column dropped. */
    static SchemaModel v3() {
        T companies = new T("companies").col("id", "uuid", true, "gen_random_uuid()")
                .col("name", "text", true, null)
                .col("status", "text", true, "'active'::text")
                .col("created_at", "timestamp with time zone", true, "now()")
                .col("budget_monthly_cents", "integer", true, "0");
        companies.uniques.add(new UniqueConstraintModel("companies_name_unique", List.of("name"), false));
        T agents = new T("agents").col("id", "uuid", true, "gen_random_uuid()")
                .col("company_id", "uuid", true, null)
                .col("name", "text", true, null)
                .col("job_title", "text", false, null)
                .col("reports_to", "uuid", false, null)
                .col("runtime_config", "jsonb", true, "'{}'::jsonb")
                .fk("agents_company_id_companies_id_fk", "company_id", "companies", ReferentialAction.NO_ACTION)
                .fk("agents_reports_to_agents_id_fk", "reports_to", "agents", ReferentialAction.NO_ACTION)
                .index(new IndexModel("agents_name_lower_idx", false, null,
                        List.of(IndexElement.expression("lower(name)")), null));
        T tasks = new T("tasks").col("id", "uuid", true, "gen_random_uuid()")
                .col("company_id", "uuid", true, null)
                .col("number", "integer", true, "nextval('tasks_number_seq'::regclass)")
                .col("title", "text", true, null)
                .col("status", "text", true, "'backlog'::text")
                .col("priority", "text", true, "'medium'::text")
                .col("assignee_agent_id", "uuid", false, null)
                .col("metadata", "jsonb", true, "'{}'::jsonb")
                .col("labels", "text[]", true, "'{}'::text[]")
                .fk("tasks_company_id_companies_id_fk", "company_id", "companies", ReferentialAction.CASCADE)
                .fk("tasks_assignee_agent_id_agents_id_fk", "assignee_agent_id", "agents", ReferentialAction.SET_NULL)
                .index(new IndexModel("tasks_company_status_idx", false, null,
                        List.of(IndexElement.column("company_id"), IndexElement.column("status")),
                        "(status <> 'done'::text)"));
        tasks.checks.add(new CheckModel("tasks_priority_check",
                "(priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text]))"));
        return new SchemaModel(List.of("pg_trgm"), List.of(companies.build(), agents.build(), tasks.build()));
    }

    /** v1 plus an index on agents.name and a changed column or two: for alteration goldens. */
    static SchemaModel v1WithNameIndex() {
        SchemaModel v1 = v1();
        TableModel agents = v1.table("agents").orElseThrow();
        TableModel indexed = new TableModel(agents.name(), agents.columns(), agents.primaryKey(), agents.foreignKeys(),
                agents.uniqueConstraints(), agents.checks(),
                List.of(new IndexModel("agents_name_idx", false, null, List.of(IndexElement.column("name")), null)));
        return new SchemaModel(v1.extensions(), List.of(v1.table("companies").orElseThrow(), indexed));
    }

    /** The table the live-safe recipes change, before: agents with a nullable title and an integer rank. */
    static SchemaModel safeBase() {
        TableModel companies = new T("companies").col("id", "uuid", true, "gen_random_uuid()")
                .col("name", "text", true, null).build();
        TableModel agents = new T("agents").col("id", "uuid", true, "gen_random_uuid()")
                .col("company_id", "uuid", true, null)
                .col("name", "text", true, null)
                .col("title", "text", false, null)
                .col("rank", "integer", true, "0").build();
        return new SchemaModel(List.of(), List.of(companies, agents));
    }

    /**
     * {@link #safeBase()} with one change per live-safe recipe on the existing tables: a foreign key, a
     * check, SET NOT NULL, an index, a unique constraint.
     */
    static SchemaModel safeTarget() {
        T companies = new T("companies").col("id", "uuid", true, "gen_random_uuid()").col("name", "text", true, null);
        companies.uniques.add(new UniqueConstraintModel("companies_name_unique", List.of("name"), false));
        T agents = new T("agents").col("id", "uuid", true, "gen_random_uuid()")
                .col("company_id", "uuid", true, null)
                .col("name", "text", true, null)
                .col("title", "text", true, null)
                .col("rank", "integer", true, "0")
                .fk("agents_company_id_companies_id_fk", "company_id", "companies", ReferentialAction.CASCADE)
                .index(new IndexModel("agents_name_idx", false, null, List.of(IndexElement.column("name")), null));
        agents.checks.add(new CheckModel("agents_rank_check", "(rank >= 0)"));
        return new SchemaModel(List.of(), List.of(companies.build(), agents.build()));
    }

    /** {@link #safeBase()} with changes that rewrite agents: flagged in the generated file, not made safe. */
    static SchemaModel rewritingTarget() {
        TableModel companies = safeBase().table("companies").orElseThrow();
        TableModel agents = new T("agents").col("id", "uuid", true, "gen_random_uuid()")
                .col("company_id", "uuid", true, null)
                .col("name", "text", true, null)
                .col("title", "text", false, null)
                .col("rank", "bigint", true, "0")
                .col("token", "uuid", true, "gen_random_uuid()").build();
        return new SchemaModel(List.of(), List.of(companies, agents));
    }
}
