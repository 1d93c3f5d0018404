package ai.paperclip.schema.migration.internal;

import java.util.List;

/** The Liquibase master changelog, {@code changelog.xml}: includes every migration file in index order. */
public final class MasterChangelog {

    public static final String FILE_NAME = "changelog.xml";

    private MasterChangelog() {
    }

    public static String render(List<String> sqlFiles) {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Written by the migration generator from meta/_journal.json, in its order. Do not edit. -->\n")
                .append("<databaseChangeLog\n")
                .append("    xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n")
                .append("    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog")
                .append(" http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
        for (String file : sqlFiles) {
            xml.append("  <include file=\"").append(file).append("\" relativeToChangelogFile=\"true\"/>\n");
        }
        return xml.append("</databaseChangeLog>\n").toString();
    }
}
