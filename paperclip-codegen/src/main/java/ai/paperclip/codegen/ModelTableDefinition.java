package ai.paperclip.codegen;

import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.jooq.meta.AbstractTableDefinition;
import org.jooq.meta.ColumnDefinition;
import org.jooq.meta.DataTypeDefinition;
import org.jooq.meta.DefaultColumnDefinition;
import org.jooq.meta.DefaultDataTypeDefinition;
import org.jooq.meta.SchemaDefinition;

/**
 * A table of the model as jOOQ-meta sees it. Columns are built here rather than by
 * {@code XMLDatabase}, because its XML form cannot carry the element type of a PostgreSQL array
 * ({@code text[]} would come out as {@code Object[]} bound as {@code OTHER}).
 */
final class ModelTableDefinition extends AbstractTableDefinition {

    private static final Pattern PARAMETERISED = Pattern.compile("(.+?)\\((\\d+)(?:,(\\d+))?\\)(.*)");

    private final TableModel table;

    ModelTableDefinition(SchemaDefinition schema, TableModel table) {
        super(schema, table.name(), "");
        this.table = table;
    }

    @Override
    protected List<ColumnDefinition> getElements0() {
        List<ColumnDefinition> columns = new ArrayList<>();
        int position = 1;
        for (ColumnModel column : table.columns()) {
            boolean identity = column.identity() != null
                    || (column.defaultExpression() != null && column.defaultExpression().startsWith("nextval("));
            columns.add(new DefaultColumnDefinition(this, column.name(), position++, type(column), identity, ""));
        }
        return columns;
    }

    private DataTypeDefinition type(ColumnModel column) {
        String type = column.type();
        Boolean nullable = !column.notNull();
        String defaultValue = column.defaultExpression();
        if (type.endsWith("[]")) {
            // PostgreSQL's own catalog form: data type ARRAY, element type named "_<element>".
            String element = type.substring(0, type.length() - 2);
            return new DefaultDataTypeDefinition(getDatabase(), getSchema(), "ARRAY", 0, 0, 0, nullable,
                    defaultValue, DSL.name("_" + element));
        }
        Matcher m = PARAMETERISED.matcher(type);
        if (!m.matches()) {
            return new DefaultDataTypeDefinition(getDatabase(), getSchema(), type, 0, 0, 0, nullable, defaultValue);
        }
        String base = m.group(1).trim() + m.group(4);
        int first = Integer.parseInt(m.group(2));
        if (m.group(3) != null || base.equals("numeric") || base.equals("decimal")) {
            int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return new DefaultDataTypeDefinition(getDatabase(), getSchema(), base, 0, first, scale, nullable, defaultValue);
        }
        return new DefaultDataTypeDefinition(getDatabase(), getSchema(), base, first, 0, 0, nullable, defaultValue);
    }
}
