package ai.paperclip.schema.model;

import java.util.List;

/**
 * An index: plain or unique, on columns or expressions, partial or not, with any access method.
 *
 * @param name the index name
 * @param unique whether it is a UNIQUE index
 * @param method the access method: {@code btree}, {@code gin}, {@code gist}, {@code hash}, {@code brin}
 * @param elements the indexed columns or expressions, in order
 * @param where the predicate of a partial index, without {@code WHERE}, or {@code null}
 */
public record IndexModel(String name, boolean unique, String method, List<IndexElement> elements, String where) {

    public IndexModel {
        Models.requireName(name, "index");
        method = method == null || method.isBlank() ? "btree" : method;
        elements = Models.nonEmptyCopy(elements, "index " + name);
        where = where == null || where.isBlank() ? null : where;
    }

    /**
     * One indexed item: a column or an expression, with an optional operator class and order.
     *
     * @param column the column name, or {@code null} for an expression
     * @param expression the expression (without its surrounding parentheses), or {@code null} for a column
     * @param operatorClass an operator class such as {@code gin_trgm_ops}, or {@code null}
     * @param descending whether the element is sorted {@code DESC}
     */
    public record IndexElement(String column, String expression, String operatorClass, boolean descending) {

        public IndexElement {
            if ((column == null) == (expression == null)) {
                throw new IllegalArgumentException("An index element is either a column or an expression");
            }
        }

        public static IndexElement column(String column) {
            return new IndexElement(column, null, null, false);
        }

        public static IndexElement expression(String expression) {
            return new IndexElement(null, expression, null, false);
        }

        public IndexElement withOperatorClass(String operatorClass) {
            return new IndexElement(column, expression, operatorClass, descending);
        }

        public IndexElement desc() {
            return new IndexElement(column, expression, operatorClass, true);
        }
    }
}
