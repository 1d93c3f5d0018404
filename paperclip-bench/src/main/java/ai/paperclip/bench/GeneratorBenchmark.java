package ai.paperclip.bench;

import ai.paperclip.schema.migration.Decisions;
import ai.paperclip.schema.migration.MigrationGenerator;
import ai.paperclip.schema.migration.MigrationOptions;
import ai.paperclip.schema.migration.SchemaChange;
import ai.paperclip.schema.migration.SchemaDiff;
import ai.paperclip.schema.model.SchemaJson;
import ai.paperclip.schema.model.SchemaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the migration generator takes on a large schema: the diff alone, the diff of a small
 * change, the snapshot JSON, and a whole {@code generate} into a folder (files written, hashed,
 * indexed). Figures are printed by JMH; nothing is asserted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneratorBenchmark {

    @Param({"500"})
    public int tables;

    private SchemaModel schema;
    private SchemaModel evolved;
    private String snapshot;
    private Path folder;

    @Setup(Level.Trial)
    public void model() {
        schema = SyntheticSchema.of(tables);
        evolved = SyntheticSchema.evolved(schema);
        snapshot = SchemaJson.write(schema);
    }

    @Setup(Level.Invocation)
    public void emptyFolder() throws IOException {
        folder = Files.createTempDirectory("paperclip-bench-");
    }

    @TearDown(Level.Invocation)
    public void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Every table, key and index created: the first migration of a 500-table schema. */
    @Benchmark
    public List<SchemaChange> diffFromEmpty() {
        return SchemaDiff.between(SchemaModel.empty(), schema, Decisions.none());
    }

    /** A column added to every tenth table: the common case. */
    @Benchmark
    public List<SchemaChange> diffOfASmallChange() {
        return SchemaDiff.between(schema, evolved, Decisions.none());
    }

    @Benchmark
    public String snapshotWrite() {
        return SchemaJson.write(schema);
    }

    @Benchmark
    public SchemaModel snapshotRead() {
        return SchemaJson.read(snapshot);
    }

    /** The whole command: diff, Liquibase SQL with rollbacks, snapshot, journal, master changelog. */
    @Benchmark
    public Object generateFirstMigration() {
        return MigrationGenerator.generate(schema, folder, MigrationOptions.builder().name("bench").build());
    }
}
