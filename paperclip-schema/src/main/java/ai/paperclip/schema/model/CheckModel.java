package ai.paperclip.schema.model;

/**
 * A CHECK constraint.
 *
 * @param name the constraint name
 * @param expression the boolean expression, without the surrounding {@code CHECK ( )}
 */
public record CheckModel(String name, String expression) {

    public CheckModel {
        Models.requireName(name, "check constraint");
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("Check constraint " + name + " needs an expression");
        }
    }
}
