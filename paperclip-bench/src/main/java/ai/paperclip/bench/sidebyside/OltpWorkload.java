package ai.paperclip.bench.sidebyside;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.InstanceHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * W3, the peer's OLTP workload, through PaperclipDb's pool (10) and jOOQ: 1 company + 100 agents; 100,000 issues
 * in batches of 1,000 (multi-row inserts, the same deterministic data as the peer); ANALYZE; 50,000 pk lookups on
 * 8 workers; 5,000 list queries (company + status, newest 50) on 8 workers; 20,000 sequential pk lookups on one
 * connection; each preceded by the peer's untimed warm-up. Then, ours only, the same number of issues again with
 * {@link PaperclipDb#copy} ({@code insert_copy_*}). Two table models: {@code peer} (workload {@code w3-oltp}), the
 * peer's own 4 tables ({@link PeerPaperclipSchema}, like for like), and {@code core} (workload
 * {@code w3-oltp-core}), the library's Paperclip core schema, whose issues table has more columns and indexes.
 * Sizes can be scaled down (the smoke test). Usage: {@code <home> <instance> [peer|core] [scale]} where scale
 * divides every count (default 1).
 */
public final class OltpWorkload {

    private static final String[] STATUSES = {"backlog", "todo", "in_progress", "in_review", "blocked", "done"};
    private static final String[] PRIORITIES = {"critical", "high", "medium", "low"};
    private static final Table<Record> COMPANIES = table(name("companies"));
    private static final Table<Record> AGENTS = table(name("agents"));
    private static final Table<Record> ISSUES = table(name("issues"));
    private static final Field<UUID> ID = field(name("id"), SQLDataType.UUID);
    private static final Field<UUID> COMPANY_ID = field(name("company_id"), SQLDataType.UUID);
    private static final Field<String> STATUS = field(name("status"), SQLDataType.CLOB);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private long seed = 42;

    OltpWorkload() {
    }

    public static void main(String[] args) throws Exception {
        boolean core = args.length > 2 && args[2].equals("core");
        int scale = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        new OltpWorkload().run(InstanceHome.of(Path.of(args[0]), args[1]), core, scale).emit();
    }

    /** The peer's PRNG, in JavaScript's arithmetic: a double product, then ToInt32 and the mask. */
    private double rnd() {
        double product = seed * 1103515245.0 + 12345;
        seed = ((int) (long) product) & 0x7fffffff;
        return seed / (double) 0x7fffffff;
    }

    private <T> T pick(List<T> values) {
        return values.get((int) Math.floor(rnd() * values.size()));
    }

    private String pick(String[] values) {
        return values[(int) Math.floor(rnd() * values.length)];
    }

    Figures run(InstanceHome home, boolean core, int scale) throws Exception {
        int nIssues = 100_000 / scale;
        int batch = Math.min(1_000, nIssues);
        int nPk = 50_000 / scale;
        int nList = 5_000 / scale;
        int nSeq = 20_000 / scale;
        int warmPk = 2_000 / scale;
        int warmList = 200 / scale;
        int warmSeq = 1_000 / scale;
        int workers = 8;
        int poolMax = 10;
        Figures r = new Figures(core ? "w3-oltp-core" : "w3-oltp").put("pool_max", poolMax).put("workers", workers);
        PaperclipDbOptions.Builder builder = PaperclipDbOptions.builder().poolMax(poolMax).migrationAutoApply(true);
        Path model = null;
        if (!core) {   // untimed, as the peer's history is made by its prepare step
            model = Files.createTempDirectory("peer-model-");
            PeerPaperclipSchema.generate(model);
            builder.migrations(MigrationSource.folder(model));
        }
        PaperclipDbOptions options = builder.build();
        long s0 = System.nanoTime();
        home.createDirectories();
        try (PaperclipDb db = PaperclipDb.create(DatabaseTarget.embedded(EmbeddedPostgres.builder().instanceHome(home)
                .port(Ports.free()).registerShutdownHook(false).build()), options)) {
            DSLContext dsl = db.dsl();
            dsl.fetch("select 1");
            r.put("setup_ms", Figures.millisSince(s0));
            long serverPid = db.embeddedServer().orElseThrow().pid();

            long a0 = System.nanoTime();
            UUID company = dsl.insertInto(COMPANIES).set(field(name("name")), "Bench Co")
                    .set(field(name("description")), "benchmark company")
                    .set(field(name("budget_monthly_cents")), 100000).returning(ID).fetchOne(ID);
            InsertValuesStepN<Record> agents = dsl.insertInto(AGENTS, new Field<?>[] {COMPANY_ID, field(name("name")),
                field(name("role")), field(name("adapter_type")), field(name("adapter_config"), SQLDataType.JSONB)});
            for (int i = 0; i < 100; i++) {
                agents = agents.values(company, "agent-" + i, i == 0 ? "ceo" : "engineer", "process",
                        org.jooq.JSONB.valueOf("{\"command\":\"run-agent\",\"args\":[\"--id\",\"" + i + "\"]}"));
            }
            List<UUID> agentIds = agents.returning(ID).fetch(ID);
            r.put("insert_company_and_agents_ms", Figures.millisSince(a0));

            List<List<Object[]>> batches = issueBatches(company, agentIds, nIssues, batch);
            Cpu cpu = Cpu.start(serverPid);
            long i0 = System.nanoTime();
            for (List<Object[]> rows : batches) {
                InsertValuesStepN<Record> insert = dsl.insertInto(ISSUES, issueColumns());
                for (Object[] row : rows) {
                    insert = insert.values(row);
                }
                insert.execute();
            }
            double insertMs = Figures.millisSince(i0);
            cpu.into(r, "insert");
            r.put("insert_issues_ms", insertMs).put("insert_issues_rows_per_s", Math.round(nIssues / (insertMs / 1000)));

            dsl.execute("analyze issues");
            List<UUID> ids = dsl.select(ID).from(ISSUES).fetch(ID);
            if (ids.size() != nIssues) {
                throw new IllegalStateException("expected " + nIssues + " issues, found " + ids.size());
            }
            List<UUID> pkIds = new ArrayList<>();
            for (int i = 0; i < warmPk + nPk; i++) {
                pkIds.add(pick(ids));
            }
            List<String> listStatuses = new ArrayList<>();
            for (int i = 0; i < warmList + nList; i++) {
                listStatuses.add(pick(STATUSES));
            }
            List<UUID> seqIds = new ArrayList<>();
            for (int i = 0; i < warmSeq + nSeq; i++) {
                seqIds.add(pick(ids));
            }
            int listLimit = Math.min(50, nIssues / STATUSES.length / 2);

            Latencies.run(warmPk, workers, i -> lookup(dsl, pkIds.get(i)));
            cpu = Cpu.start(serverPid);
            Latencies.run(nPk, workers, i -> lookup(dsl, pkIds.get(warmPk + i))).into(r, "pk");
            cpu.into(r, "pk");

            Latencies.run(warmList, workers, i -> list(dsl, company, listStatuses.get(i), listLimit));
            cpu = Cpu.start(serverPid);
            Latencies.run(nList, workers, i -> list(dsl, company, listStatuses.get(warmList + i), listLimit)).into(r, "list");
            cpu.into(r, "list");

            try (Connection single = db.dataSource().getConnection()) {
                DSLContext one = DSL.using(single, SQLDialect.POSTGRES);
                Latencies.run(warmSeq, 1, i -> lookup(one, seqIds.get(i)));
                cpu = Cpu.start(serverPid);
                Latencies.run(nSeq, 1, i -> lookup(one, seqIds.get(warmSeq + i))).into(r, "seq");
                cpu.into(r, "seq");
            }
            copyIssues(db, company, agentIds, nIssues, batch, r);
            r.put("n_issues", nIssues).put("batch", batch).put("n_pk", nPk).put("n_list", nList).put("n_seq", nSeq)
                    .put("warmup_pk", warmPk).put("warmup_list", warmList).put("warmup_seq", warmSeq);
        } finally {
            if (model != null) {
                Trees.delete(model);
            }
        }
        return r;
    }

    /** Ours only: as many issues again, in one COPY (identifiers and numbers after the batched ones). */
    private void copyIssues(PaperclipDb db, UUID company, List<UUID> agentIds, int nIssues, int batch, Figures r) {
        List<Object[]> rows = new ArrayList<>(nIssues);
        for (List<Object[]> b : issueBatches(company, agentIds, nIssues, batch)) {
            for (Object[] row : b) {
                int n = (Integer) row[6] + nIssues;
                row[6] = n;
                row[7] = "BEN-" + n;
                rows.add(row);
            }
        }
        long c0 = System.nanoTime();
        long copied = db.copy(ISSUES, List.of(issueColumns()), rows);
        double copyMs = Figures.millisSince(c0);
        if (copied != nIssues) {
            throw new IllegalStateException("COPY inserted " + copied + " issues, expected " + nIssues);
        }
        r.put("insert_copy_ms", copyMs).put("insert_copy_rows_per_s", Math.round(nIssues / (copyMs / 1000)));
    }

    private static void lookup(DSLContext dsl, UUID id) {
        if (dsl.select().from(ISSUES).where(ID.eq(id)).fetch().size() != 1) {
            throw new IllegalStateException("pk lookup of " + id + " found no single row");
        }
    }

    private static void list(DSLContext dsl, UUID company, String status, int limit) {
        int n = dsl.select().from(ISSUES).where(COMPANY_ID.eq(company)).and(STATUS.eq(status))
                .orderBy(CREATED_AT.desc()).limit(50).fetch().size();
        if (n < limit) {
            throw new IllegalStateException("list query returned " + n + " rows");
        }
    }

    private static Field<?>[] issueColumns() {
        return new Field<?>[] {COMPANY_ID, field(name("title")), field(name("description")), STATUS,
            field(name("priority")), field(name("assignee_agent_id"), SQLDataType.UUID),
            field(name("issue_number"), SQLDataType.INTEGER), field(name("identifier")), CREATED_AT,
            field(name("updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE)};
    }

    /** The peer's rows, in its order of random draws (status, priority, assignee per row). */
    private List<List<Object[]>> issueBatches(UUID company, List<UUID> agentIds, int nIssues, int batch) {
        long base = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        List<List<Object[]>> batches = new ArrayList<>();
        for (int b = 0; b < nIssues / batch; b++) {
            List<Object[]> rows = new ArrayList<>(batch);
            for (int j = 0; j < batch; j++) {
                int n = b * batch + j + 1;
                OffsetDateTime ts = Instant.ofEpochMilli(base + n * 1000L).atOffset(ZoneOffset.UTC);
                String status = pick(STATUSES);
                String priority = pick(PRIORITIES);
                UUID assignee = pick(agentIds);
                rows.add(new Object[] {company, "Issue " + n + ": investigate component " + (n % 97),
                    "Synthetic issue number " + n + " for the drizzle/postgres.js baseline.", status, priority,
                    assignee, n, "BEN-" + n, ts, ts});
            }
            batches.add(rows);
        }
        return batches;
    }
}
