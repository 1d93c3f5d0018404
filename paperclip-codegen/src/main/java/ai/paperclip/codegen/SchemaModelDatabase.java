package ai.paperclip.codegen;

import ai.paperclip.schema.SchemaLoader;
import ai.paperclip.schema.model.SchemaModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.meta.CatalogDefinition;
import org.jooq.meta.SchemaDefinition;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.xml.XMLDatabase;
import org.jooq.util.jaxb.tools.MiniJAXB;

/**
 * A jOOQ-meta {@code Database} that reads a Paperclip schema model instead of a live database.
 * Use it as the {@code <database><name>} of jOOQ's code generator, with the property
 * {@code schema} naming the class that holds the schema (see {@link SchemaLoader}):
 *
 * <pre>{@code
 * <database>
 *   <name>ai.paperclip.codegen.SchemaModelDatabase</name>
 *   <inputSchema>public</inputSchema>
 *   <properties>
 *     <property><key>schema</key><value>com.example.MySchema</value></property>
 *   </properties>
 * </database>
 * }</pre>
 *
 * <p>Types are PostgreSQL's own, read by jOOQ with the POSTGRES dialect: {@code uuid} becomes
 * {@code UUID}, {@code jsonb} {@code JSONB}, {@code timestamp with time zone}
 * {@code OffsetDateTime}, {@code text[]} {@code String[]}. Keys and indexes reach jOOQ's
 * {@code XMLDatabase} in its {@code INFORMATION_SCHEMA} form. No H2, no database and no Docker at
 * build time.
 */
public class SchemaModelDatabase extends XMLDatabase {

    /** The property naming the schema class. */
    public static final String SCHEMA_PROPERTY = "schema";

    private boolean prepared;
    private SchemaModel model;

    /*
     * AbstractDatabase's property accessors are final, but the Properties object is shared: the
     * model is turned into the XML file XMLDatabase wants, and its name added to the properties,
     * before XMLDatabase first reads them (the dialect in create0, the file in every loader).
     */
    private void prepare() {
        if (prepared) {
            return;
        }
        Properties properties = getProperties();
        String schemaClass = properties == null ? null : properties.getProperty(SCHEMA_PROPERTY);
        if (schemaClass == null || schemaClass.isBlank()) {
            throw new IllegalStateException("SchemaModelDatabase needs the property '" + SCHEMA_PROPERTY
                    + "': the class that holds your schema, e.g. ai.paperclip.schema.core.PaperclipSchema");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        model = SchemaLoader.load(schemaClass, loader != null ? loader : getClass().getClassLoader());
        properties.setProperty("xmlFile", writeTemporary(MiniJAXB.marshal(InformationSchemaExport.of(model))).toString());
        properties.setProperty("dialect", "POSTGRES");
        prepared = true;
    }

    @Override
    protected DSLContext create0() {
        prepare();
        return super.create0();
    }

    @Override
    protected List<CatalogDefinition> getCatalogs0() throws SQLException {
        prepare();
        return super.getCatalogs0();
    }

    @Override
    protected List<SchemaDefinition> getSchemata0() {
        prepare();
        return super.getSchemata0();
    }

    @Override
    protected List<TableDefinition> getTables0() {
        prepare();
        List<TableDefinition> tables = new ArrayList<>();
        for (SchemaDefinition schema : getSchemata()) {
            if (schema.getName().equals(InformationSchemaExport.SCHEMA)) {
                model.tables().forEach(t -> tables.add(new ModelTableDefinition(schema, t)));
            }
        }
        return tables;
    }

    private static Path writeTemporary(String xml) {
        try {
            Path file = Files.createTempFile("paperclip-information-schema-", ".xml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the schema for jOOQ's code generator to a temporary file", e);
        }
    }
}
