package ai.paperclip.db.backup;

import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The database features a backup must carry, and an independent way to compare two databases' rows. */
final class BackupFixtures {

    /** Beside the core schema: a second schema, enum, sequence, identity and generated columns, function, trigger, view. */
    static final List<String> FEATURES = List.of(
            "CREATE SCHEMA billing",
            "CREATE TYPE billing.state AS ENUM ('open', 'paid', 'void')",
            "CREATE SEQUENCE billing.invoice_no START 1000",
            "CREATE TABLE billing.invoices (id bigint PRIMARY KEY DEFAULT nextval('billing.invoice_no'),"
                    + " company_id uuid REFERENCES public.companies(id) ON DELETE CASCADE,"
                    + " state billing.state NOT NULL DEFAULT 'open', amount numeric(12,2) CHECK (amount >= 0),"
                    + " note text, payload jsonb, raw bytea, touched_at timestamptz, doubled numeric GENERATED ALWAYS AS"
                    + " (amount * 2) STORED, CONSTRAINT invoices_note_key UNIQUE (note))",
            "CREATE TABLE billing.events (seq int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \"Mixed Case\" text)",
            "CREATE INDEX invoices_state_idx ON billing.invoices (state) WHERE state <> 'void'",
            "CREATE FUNCTION billing.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " NEW.touched_at := '2000-01-01T00:00:00Z'; RETURN NEW; END $$",
            "CREATE FUNCTION billing.total() RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT sum(amount) FROM"
                    + " billing.invoices; END",
            "CREATE TRIGGER invoices_touch BEFORE UPDATE ON billing.invoices FOR EACH ROW EXECUTE FUNCTION billing.touch()",
            "CREATE VIEW billing.open_invoices AS SELECT id, amount FROM billing.invoices WHERE state = 'open'");

    /** Values that break naive dumps, each in its own row. */
    static final List<String> HOSTILE = List.of("it's \"quoted\"", "back\\slash \\N \\\\", "tab\there",
            "line\nbreak\r\nwindows", "\\.", "before\n\\.\nafter", "Ünïcødé ✓ 日本語", "emoji 😀🎉👩‍💻", "", "  ");

    private BackupFixtures() {
    }

    static void load(DataSource db) {
        FEATURES.forEach(sql -> Db.execute(db, sql));
        Db.execute(db, "INSERT INTO companies (id, name, issue_prefix) VALUES"
                + " ('6f1c6f2a-0000-4000-8000-000000000001', 'Acme', 'ACM')");
        for (int i = 0; i < HOSTILE.size(); i++) {
            String v = HOSTILE.get(i).replace("'", "''");
            Db.execute(db, "INSERT INTO billing.invoices (company_id, state, amount, note, payload, raw) VALUES"
                    + " ('6f1c6f2a-0000-4000-8000-000000000001', 'open', " + i + ".25, E'" + v.replace("\\", "\\\\")
                    .replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "', jsonb_build_object('v', E'"
                    + v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                    + "', 'big', repeat('x', 200000)), decode('00ff0a5c2e0d', 'hex'))");
        }
        Db.execute(db, "INSERT INTO billing.invoices (state, amount, note, payload, raw) VALUES ('void', NULL, NULL, NULL, NULL)");
        Db.execute(db, "INSERT INTO billing.events (\"Mixed Case\") SELECT 'e' || g FROM generate_series(1, 5) g");
        Db.execute(db, "UPDATE billing.invoices SET amount = amount WHERE state = 'void'");
    }

    /** Every row of every user table as text, sorted: NULL and '' differ ((,) against ("")). */
    static Map<String, String> rows(DataSource db) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String table : Db.column(db, "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables"
                + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
            rows.put(table, Db.value(db, "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '<empty>') FROM "
                    + table + " t"));
        }
        return rows;
    }

    /** Functions, triggers, views, sequences (with values), enums and constraints as the server prints them. */
    static List<String> objects(DataSource db) {
        return Db.column(db, "SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON"
                + " n.oid = p.pronamespace WHERE n.nspname = 'billing'"
                + " UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"
                + " UNION ALL SELECT 'view ' || pg_get_viewdef('billing.open_invoices'::regclass)"
                + " UNION ALL SELECT 'sequence ' || schemaname || '.' || sequencename || ' ' || coalesce(last_value::text, 'unset')"
                + " FROM pg_sequences"
                + " UNION ALL SELECT 'enum ' || string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"
                + " UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE connamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ('public', 'billing'))"
                + " AND contype <> 'n'"
                + " UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname IN ('public', 'billing')"
                + " UNION ALL SELECT 'extension ' || extname FROM pg_extension ORDER BY 1");
    }

    static String url(PostgresServer server, String database) {
        return server.urlOf(database, null);
    }
}
