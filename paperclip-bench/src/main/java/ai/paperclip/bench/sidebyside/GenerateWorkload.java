package ai.paperclip.bench.sidebyside;

import ai.paperclip.schema.migration.MigrationGenerator;
import ai.paperclip.schema.migration.MigrationOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * W2, one figure per fresh JVM as the peer runs one drizzle-kit process per figure: the migration generator
 * on the peer's synthetic schema, from launch to the files written. {@code synth100}/{@code synth500}: the
 * first migration into an empty folder; {@code synth500_add_column}: the next one (a column added to the last
 * table) in a folder a {@code synth500} run made first. Usage:
 * {@code synth100|synth500|synth500_add_column <folder> [tables]} (tables: fewer, for the smoke test).
 */
public final class GenerateWorkload {

    private GenerateWorkload() {
    }

    public static void main(String[] args) throws Exception {
        run(Figures.sinceLaunch(), args).emit();
    }

    static Figures run(double boot, String... args) throws Exception {
        String which = args[0];
        Path folder = Path.of(args[1]);
        Files.createDirectories(folder);
        boolean addColumn = which.equals("synth500_add_column");
        int tables = args.length > 2 ? Integer.parseInt(args[2]) : which.equals("synth100") ? 100 : 500;
        if (addColumn && !Files.isRegularFile(folder.resolve("meta").resolve("_journal.json"))) {
            throw new IllegalStateException(folder + " holds no first migration: run synth500 into it first");
        }
        long t0 = System.nanoTime();
        var generated = MigrationGenerator.generate(PeerSyntheticSchema.of(tables, addColumn), folder,
                MigrationOptions.builder().name(addColumn ? "extra" : "init").build());
        if (generated.isEmpty()) {
            throw new IllegalStateException("nothing generated for " + which);
        }
        return new Figures("w2-generate").put("gen_" + which + "_in_jvm_ms", Figures.millisSince(t0))
                .put("gen_" + which + "_ms", boot + Figures.millisSince(t0));
    }
}
