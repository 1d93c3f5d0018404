package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.model.SchemaModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMigrationTest {

    /** A schema held in a static field. */
    public static final class FieldSchema {
        public static final SchemaModel MODEL = TestModels.v1();
    }

    /** A schema shaped like the DSL's: an object with a model() method. */
    public static final class DslLikeSchema {
        public SchemaModel model() {
            return TestModels.v2();
        }
    }

    /** A singleton holder, as a DSL schema class with an INSTANCE field. */
    public static final class HolderSchema {
        public static final DslLikeSchema INSTANCE = new DslLikeSchema();
    }

    public static final class TwoSchemas {
        public static SchemaModel small() {
            return TestModels.v1();
        }

        public static SchemaModel big() {
            return TestModels.v2();
        }
    }

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(DecisionPrompter prompter, String... args) {
        out.reset();
        err.reset();
        return GenerateMigration.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), prompter);
    }

    private int run(String... args) {
        return run(null, args);
    }

    private static String name(Class<?> type) {
        return type.getName();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesFromAStaticFieldThenCheckPasses() {
        assertThat(run("--schema", name(FieldSchema.class), "--out", dir.toString(), "--name", "init")).isZero();
        assertThat(out()).startsWith("Wrote " + dir.resolve("0000_init.sql") + " (2 changes) and ");
        assertThat(run("check", "--schema", name(FieldSchema.class), "--out", dir.toString())).isZero();
        assertThat(out()).isEqualTo("Migrations are up to date with the schema definitions.\n");
        assertThat(run("--schema", name(FieldSchema.class), "--out", dir.toString())).isZero();
        assertThat(out()).isEqualTo("No schema changes: nothing to generate.\n");
    }

    @Test
    void writesTheLockTimeoutAskedForAndRefusesOneThatIsNotANumber() throws Exception {
        run("--schema", name(TwoSchemas.class) + "#small", "--out", dir.toString(), "--name", "init");
        assertThat(run("--schema", name(TwoSchemas.class) + "#big", "--out", dir.toString(), "--lock-timeout-ms", "soon"))
                .isEqualTo(GenerateMigration.EXIT_FAILURE);
        assertThat(err()).contains("--lock-timeout-ms must be a whole number of milliseconds (0 for none), got 'soon'");
        assertThat(run("--schema", name(TwoSchemas.class) + "#big", "--out", dir.toString(), "--name", "more",
                "--lock-timeout-ms", "2500", "--no-concurrent-indexes")).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("0001_more.sql")))
                .contains("SET LOCAL lock_timeout = '2500ms';").doesNotContain("CONCURRENTLY");
    }

    @Test
    void checkExitsWithTheCodeOfTheProblemAndSaysWhatToRun() {
        run("--schema", name(FieldSchema.class), "--out", dir.toString());
        assertThat(run("check", "--schema", name(DslLikeSchema.class), "--out", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("Run GenerateMigration --schema " + name(DslLikeSchema.class) + " --out " + dir);
    }

    @Test
    void findsASchemaObjectInASingletonFieldAndAMemberNamedAfterTheHash() {
        assertThat(run("--schema", name(HolderSchema.class), "--out", dir.toString())).isZero();
        assertThat(run("check", "--schema", name(TwoSchemas.class) + "#big", "--out", dir.toString())).isZero();
    }

    @Test
    void anAmbiguousSchemaClassAsksForAMember() {
        assertThat(run("--schema", name(TwoSchemas.class), "--out", dir.toString())).isEqualTo(GenerateMigration.EXIT_FAILURE);
        assertThat(err()).isEqualTo("Class " + name(TwoSchemas.class) + " has several members giving a schema"
                + " ([big, small]): pick one with " + name(TwoSchemas.class) + "#<member>.\n");
    }

    @Test
    void undecidedChangesExitWith65AndListTheLinesToAdd() throws Exception {
        run("--schema", name(DslLikeSchema.class), "--out", dir.toString());
        assertThat(run("--schema", name(FieldSchema.class), "--out", dir.toString())).isEqualTo(GenerateMigration.EXIT_UNDECIDED);
        assertThat(err()).contains("    allow drop table issues\n");

        Files.writeString(dir.resolve("decisions.txt"), "allow drop table issues\n");
        assertThat(run("--schema", name(FieldSchema.class), "--out", dir.toString())).isEqualTo(GenerateMigration.EXIT_UNDECIDED);
        assertThat(err()).doesNotContain("allow drop table issues").contains("allow drop column agents.reports_to");
    }

    @Test
    void aPrompterAnswersOnlyWithoutNoPrompt() {
        run("--schema", name(DslLikeSchema.class), "--out", dir.toString());
        DecisionPrompter yes = change -> Optional.of(change.options().get(change.options().size() - 1));
        assertThat(run(yes, "--schema", name(FieldSchema.class), "--out", dir.toString(), "--no-prompt"))
                .isEqualTo(GenerateMigration.EXIT_UNDECIDED);
        assertThat(run(yes, "--schema", name(FieldSchema.class), "--out", dir.toString())).isZero();
        assertThat(out()).contains("applied decision: allow drop table issues");
    }

    @Test
    void wrongArgumentsExitWith64AndPrintUsage() {
        assertThat(run("--out", dir.toString())).isEqualTo(GenerateMigration.EXIT_USAGE);
        assertThat(err()).startsWith("--schema is required\nUsage: GenerateMigration [check]");
        assertThat(run("--schema", "x", "--out", dir.toString(), "--bogus")).isEqualTo(GenerateMigration.EXIT_USAGE);
        assertThat(err()).startsWith("Unknown argument '--bogus'");
    }

    @Test
    void anUnknownSchemaClassIsNamed() {
        assertThat(run("--schema", "com.example.Missing", "--out", dir.toString())).isEqualTo(GenerateMigration.EXIT_FAILURE);
        assertThat(err()).startsWith("Schema class com.example.Missing cannot be loaded");
    }
}
