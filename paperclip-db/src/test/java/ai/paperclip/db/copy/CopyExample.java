package ai.paperclip.db.copy;

import static ai.paperclip.db.jooq.Tables.AGENTS;

import ai.paperclip.db.PaperclipDb;
import java.util.List;
import java.util.UUID;

/** The documentation's bulk-insert snippet (docs/bulk-inserts.md), compiled and run by CopyIT. */
final class CopyExample {

    private CopyExample() {
    }

    static long importAgents(PaperclipDb db, UUID companyId, List<String> names) {
        List<Object[]> rows = names.stream()
                .map(name -> new Object[] {companyId, name, "engineer", null})   // one value per column, null = NULL
                .toList();
        return db.copy(AGENTS, List.of(AGENTS.COMPANY_ID, AGENTS.NAME, AGENTS.ROLE, AGENTS.TITLE), rows);
    }
}
