package ai.paperclip.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.core.PaperclipSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Property;
import org.jooq.meta.jaxb.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperclipSchemaCodegenTest {

    @TempDir
    Path out;

    @Test
    void generatesATableClassForEachOfThe13CoreTablesWithExactTypes() throws Exception {
        GenerationTool.generate(new Configuration().withGenerator(new Generator()
                .withDatabase(new Database()
                        .withName(SchemaModelDatabase.class.getName())
                        .withInputSchema("public")
                        .withProperties(new Property().withKey("schema").withValue(PaperclipSchema.class.getName())))
                .withTarget(new Target().withPackageName("core.jooq").withDirectory(out.toString()))));
        Path tables = out.resolve("core/jooq/tables");
        try (Stream<Path> files = Files.list(tables)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")))
                    .containsExactlyInAnyOrder("ActivityLog.java", "AgentApiKeys.java", "Agents.java",
                            "Companies.java", "CompanyMemberships.java", "CompanySecretVersions.java",
                            "CompanySecrets.java", "Goals.java", "InstanceUserRoles.java", "Issues.java",
                            "Projects.java", "Session.java", "User.java");
        }
        assertThat(Files.readString(tables.resolve("Issues.java")))
                .contains("TableField<IssuesRecord, UUID> ID")
                .contains("TableField<IssuesRecord, JSONB> EXECUTION_POLICY")
                .contains("TableField<IssuesRecord, OffsetDateTime> CREATED_AT");
        assertThat(Files.readString(tables.resolve("Projects.java")))
                .contains("TableField<ProjectsRecord, LocalDate> TARGET_DATE");
        assertThat(Files.readString(out.resolve("core/jooq/Keys.java")))
                .contains("SESSION__SESSION_USER_ID_USER_ID_FK")
                .contains("ISSUES__ISSUES_PARENT_ID_ISSUES_ID_FK");
    }
}
