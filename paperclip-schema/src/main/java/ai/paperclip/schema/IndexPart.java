package ai.paperclip.schema;

import ai.paperclip.schema.model.IndexModel.IndexElement;
import java.util.Objects;

/**
 * One item of an index: a column of the table ({@link Column} is an index part), a column with an
 * operator class or a sort order ({@code title.op("gin_trgm_ops")}, {@code createdAt.desc()}), or an
 * expression ({@link Table#expression}).
 */
public sealed interface IndexPart permits Column, IndexPart.Element {

    /** This part with an operator class, as in {@code USING gin (title gin_trgm_ops)}. */
    IndexPart op(String operatorClass);

    /** This part sorted descending. */
    IndexPart desc();

    /** A column or expression with its operator class and order. */
    final class Element implements IndexPart {

        private final Column<?> column;
        private final String expression;
        private final String operatorClass;
        private final boolean descending;

        Element(Column<?> column, String expression, String operatorClass, boolean descending) {
            this.column = column;
            this.expression = expression;
            this.operatorClass = operatorClass;
            this.descending = descending;
        }

        static Element of(IndexPart part) {
            return part instanceof Column<?> c ? new Element(c, null, null, false) : (Element) part;
        }

        @Override
        public IndexPart op(String operatorClass) {
            return new Element(column, expression, Objects.requireNonNull(operatorClass, "operatorClass"), descending);
        }

        @Override
        public IndexPart desc() {
            return new Element(column, expression, operatorClass, true);
        }

        /** The column, or {@code null} for an expression. */
        Column<?> column() {
            return column;
        }

        IndexElement model() {
            IndexElement element = column != null ? IndexElement.column(column.name()) : IndexElement.expression(expression);
            if (operatorClass != null) {
                element = element.withOperatorClass(operatorClass);
            }
            return descending ? element.desc() : element;
        }

        @Override
        public String toString() {
            return column != null ? column.toString() : expression;
        }
    }
}
