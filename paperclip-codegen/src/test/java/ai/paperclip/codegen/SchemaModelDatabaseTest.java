package ai.paperclip.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Property;
import org.jooq.meta.jaxb.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaModelDatabaseTest {

    @TempDir
    static Path out;

    static Path pkg;

    @BeforeAll
    static void generate() throws Exception {
        GenerationTool.generate(new Configuration().withGenerator(new Generator()
                .withDatabase(new Database()
                        .withName(SchemaModelDatabase.class.getName())
                        .withInputSchema("public")
                        .withProperties(new Property().withKey("schema").withValue(SampleSchema.class.getName())))
                .withTarget(new Target().withPackageName("sample.jooq").withDirectory(out.toString()))));
        pkg = out.resolve("sample/jooq");
    }

    private static String source(String relative) throws IOException {
        return Files.readString(pkg.resolve(relative));
    }

    @Test
    void mapsEveryPostgresTypeToItsExactJavaType() throws IOException {
        String companies = source("tables/Companies.java");
        assertThat(companies)
                .contains("TableField<CompaniesRecord, UUID> ID")
                .contains("TableField<CompaniesRecord, String> NAME")
                .contains("TableField<CompaniesRecord, String> CODE")
                .contains("SQLDataType.VARCHAR(12)")
                .contains("TableField<CompaniesRecord, BigDecimal> BUDGET")
                .contains("SQLDataType.NUMERIC(12, 2)")
                .contains("TableField<CompaniesRecord, Double> RATIO")
                .contains("TableField<CompaniesRecord, Long> BIG")
                .contains("TableField<CompaniesRecord, Integer> COUNT")
                .contains("TableField<CompaniesRecord, Boolean> ACTIVE")
                .contains("TableField<CompaniesRecord, LocalDate> FOUNDED")
                .contains("TableField<CompaniesRecord, OffsetDateTime> CREATED_AT")
                .contains("TableField<CompaniesRecord, LocalDateTime> LOCAL_AT")
                .contains("TableField<CompaniesRecord, JSONB> SETTINGS")
                .contains("TableField<CompaniesRecord, String[]> TAGS");
    }

    @Test
    void keepsKeysForeignKeysAndColumnIndexes() throws IOException {
        assertThat(source("Keys.java"))
                .contains("COMPANIES_PKEY")
                .contains("USER_PKEY")
                .contains("USER__USER_COMPANY_ID_COMPANIES_ID_FK");
        assertThat(source("Indexes.java"))
                .contains("COMPANIES_NAME_IDX")
                .doesNotContain("COMPANIES_LOWER_IDX")
                .doesNotContain("COMPANIES_PARTIAL_IDX");
        assertThat(source("tables/User.java")).contains("Identity<UserRecord, Long> getIdentity()");
    }

    @Test
    void generatedSourcesCompile() throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", out.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertThat(status).isZero();
    }

    @Test
    void namesTheMissingPropertyAndTheClassItWants() {
        assertThatThrownBy(() -> new SchemaModelDatabase().getSchemata0())
                .hasMessageContaining("needs the property 'schema'");
    }

    @Test
    void saysWhenTheSchemaClassIsNotOnTheClasspath() {
        assertThatThrownBy(() -> SchemaLoader.load("com.example.Missing", getClass().getClassLoader()))
                .hasMessageContaining("Schema class com.example.Missing cannot be loaded");
        assertThatThrownBy(() -> SchemaLoader.load(String.class.getName(), getClass().getClassLoader()))
                .hasMessageContaining("has no public static field or no-arg method giving a SchemaModel");
    }
}
