package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.migration.CheckCode;
import ai.paperclip.schema.migration.CheckProblem;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a migrations folder and finds what is inconsistent in it: index against files, checksums,
 * and the parent chain of the snapshots. The check and the generator share it, so generate never
 * builds on a history that check would reject.
 */
public final class HistoryInspector {

    /** What was read, and what is wrong; snapshots are only loaded when the index is consistent. */
    public record Inspection(Journal journal, List<Snapshot> snapshots, List<CheckProblem> problems) {

        public Snapshot newest() {
            return snapshots.isEmpty() ? Snapshot.root() : snapshots.get(snapshots.size() - 1);
        }

        public boolean indexConsistent() {
            return problems.stream().noneMatch(p -> p.code() == CheckCode.INDEX_MISMATCH);
        }
    }

    private final MigrationFolder folder;
    private final String command;
    private final List<CheckProblem> problems = new ArrayList<>();

    private HistoryInspector(MigrationFolder folder, String command) {
        this.folder = folder;
        this.command = command;
    }

    /**
     * @param command the generate command, quoted in the advice of the messages
     * @param checkChangelog whether a stale {@code changelog.xml} is a problem (generate rewrites it anyway)
     */
    public static Inspection inspect(MigrationFolder folder, String command, boolean checkChangelog) {
        return new HistoryInspector(folder, command).run(checkChangelog);
    }

    private Inspection run(boolean checkChangelog) {
        Optional<Journal> read;
        try {
            read = folder.readJournal();
        } catch (IllegalArgumentException e) {
            problem(CheckCode.INDEX_MISMATCH, MigrationFolder.JOURNAL + " cannot be read (" + e.getMessage()
                    + "). Restore it from version control.");
            return new Inspection(Journal.empty(), List.of(), problems);
        }
        List<String> sqlFiles = folder.list(null, MigrationFolder.SQL_FILE);
        List<String> snapshotFiles = folder.list("meta", MigrationFolder.SNAPSHOT_FILE);
        if (read.isEmpty()) {
            if (!sqlFiles.isEmpty() || !snapshotFiles.isEmpty()) {
                problem(CheckCode.INDEX_MISMATCH, "Migration files are present (" + String.join(", ", sqlFiles)
                        + ") but " + MigrationFolder.JOURNAL + " is missing. Restore it from version control.");
            }
            return new Inspection(Journal.empty(), List.of(), problems);
        }
        Journal journal = read.get();
        checkIndex(journal, sqlFiles, snapshotFiles, checkChangelog);
        if (!problems.isEmpty()) {
            return new Inspection(journal, List.of(), problems);
        }
        List<Snapshot> snapshots = new ArrayList<>();
        for (Journal.Entry entry : journal.migrations()) {
            snapshots.add(readSnapshot(entry));
        }
        if (!problems.isEmpty()) {
            return new Inspection(journal, List.of(), problems);
        }
        checkChecksums(journal, snapshots);
        checkChain(journal, snapshots);
        return new Inspection(journal, List.copyOf(snapshots), problems);
    }

    private void checkIndex(Journal journal, List<String> sqlFiles, List<String> snapshotFiles, boolean checkChangelog) {
        List<Journal.Entry> entries = journal.migrations();
        for (int i = 0; i < entries.size(); i++) {
            Journal.Entry e = entries.get(i);
            String number = String.format("%04d_", i);
            if (e.idx() != i || e.tag() == null || !MigrationFolder.TAG.matcher(e.tag()).matches()
                    || !e.tag().startsWith(number)) {
                problem(CheckCode.INDEX_MISMATCH, "Entry " + i + " of " + MigrationFolder.JOURNAL + " is '" + e.tag()
                        + "' with idx " + e.idx() + ", but position " + i + " needs idx " + i + " and a tag starting with '"
                        + number + "': the index is misnumbered. Restore it from version control, or number the"
                        + " entries 0, 1, 2... in order and rename their files to match.");
                continue;
            }
            if (!Files.exists(folder.sqlFile(e.tag()))) {
                problem(CheckCode.INDEX_MISMATCH, MigrationFolder.JOURNAL + " lists " + e.fileName()
                        + " but the file is missing. Restore it from version control.");
            }
            if (!Files.exists(folder.snapshotFile(i))) {
                problem(CheckCode.INDEX_MISMATCH, MigrationFolder.JOURNAL + " lists " + e.tag() + " but "
                        + MigrationFolder.snapshotName(i) + " is missing. Restore it from version control.");
            }
        }
        Set<String> listed = entries.stream().map(Journal.Entry::fileName).collect(Collectors.toSet());
        for (String file : sqlFiles) {
            if (!listed.contains(file)) {
                problem(CheckCode.INDEX_MISMATCH, file + " is not listed in " + MigrationFolder.JOURNAL
                        + " (a migration written by hand, or one from a merged branch whose index entry was lost)."
                        + " Delete it and its snapshot, then run " + command
                        + " to generate the change again on top of the newest migration (--custom for hand-written SQL).");
            }
        }
        for (String file : snapshotFiles) {
            var m = MigrationFolder.SNAPSHOT_FILE.matcher(file);
            if (m.matches() && Integer.parseInt(m.group(1)) >= entries.size()) {
                problem(CheckCode.INDEX_MISMATCH, "meta/" + file + " has no entry in " + MigrationFolder.JOURNAL
                        + ". Delete it, or restore the index from version control.");
            }
        }
        if (checkChangelog && problems.isEmpty()) {
            String expected = MasterChangelog.render(entries.stream().map(Journal.Entry::fileName).toList());
            var file = folder.dir().resolve(MasterChangelog.FILE_NAME);
            if (!Files.exists(file) || !MigrationFolder.read(file).equals(expected)) {
                problem(CheckCode.INDEX_MISMATCH, MasterChangelog.FILE_NAME + " does not include the migrations of "
                        + MigrationFolder.JOURNAL + " in their order. Run " + command
                        + ": it rewrites " + MasterChangelog.FILE_NAME + " from the index.");
            }
        }
    }

    private Snapshot readSnapshot(Journal.Entry entry) {
        try {
            return folder.readSnapshot(entry.idx());
        } catch (IllegalArgumentException e) {
            problem(CheckCode.CHECKSUM_MISMATCH, MigrationFolder.snapshotName(entry.idx()) + " cannot be read ("
                    + e.getMessage() + "): it was edited. Restore it from version control.");
            return Snapshot.root();
        }
    }

    private void checkChecksums(Journal journal, List<Snapshot> snapshots) {
        for (Journal.Entry e : journal.migrations()) {
            if (e.sha256() != null && !e.sha256().equals(Hashes.sha256(MigrationFolder.read(folder.sqlFile(e.tag()))))) {
                problem(CheckCode.CHECKSUM_MISMATCH, e.fileName() + " no longer matches its checksum in "
                        + MigrationFolder.JOURNAL + ": a committed migration was edited, and databases that applied it"
                        + " will not run it again. Restore it (git checkout -- " + e.fileName() + ") and put the change"
                        + " in a new migration: " + command + " (add --custom for hand-written SQL).");
            }
            if (!snapshots.get(e.idx()).intact()) {
                problem(CheckCode.CHECKSUM_MISMATCH, MigrationFolder.snapshotName(e.idx())
                        + " was edited: its id no longer matches its content. Restore it from version control.");
            }
        }
    }

    private void checkChain(Journal journal, List<Snapshot> snapshots) {
        Map<String, List<String>> byParent = new LinkedHashMap<>();
        for (int i = 0; i < snapshots.size(); i++) {
            byParent.computeIfAbsent(String.valueOf(snapshots.get(i).parentId()), k -> new ArrayList<>())
                    .add(journal.migrations().get(i).tag());
        }
        byParent.forEach((parent, tags) -> {
            if (tags.size() > 1) {
                String later = tags.get(tags.size() - 1);
                problem(CheckCode.CONFLICTING_MIGRATIONS, "Migrations " + String.join(" and ", tags)
                        + " both follow snapshot " + parent + ": they were generated on parallel branches and merged."
                        + " Keep " + tags.get(0) + " (merged first); delete " + later + ".sql, its snapshot and its entry in "
                        + MigrationFolder.JOURNAL + ", then run " + command + " to generate its changes again on top.");
            }
        });
        for (int i = 0; i < snapshots.size(); i++) {
            String expected = i == 0 ? Hashes.ROOT_ID : snapshots.get(i - 1).id();
            String parent = snapshots.get(i).parentId();
            if (!expected.equals(parent) && byParent.get(String.valueOf(parent)).size() == 1) {
                String tag = journal.migrations().get(i).tag();
                problem(CheckCode.CONFLICTING_MIGRATIONS, "Migration " + tag + " follows snapshot " + parent
                        + ", but the snapshot before it is " + expected + ": the history was reordered or a migration"
                        + " was removed. Restore the folder from version control, or delete " + tag
                        + " (and those after it) and run " + command + " again.");
            }
        }
    }

    private void problem(CheckCode code, String message) {
        problems.add(new CheckProblem(code, message));
    }
}
