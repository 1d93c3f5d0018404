package ai.paperclip.codegen;

import ai.paperclip.schema.model.SchemaModel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Finds the schema model a class holds, so build tools can name a schema by class: a public static
 * field or no-argument static method whose value is a {@link SchemaModel}, or an object with a
 * public {@code model()} method that returns one (such as the DSL's {@code Schema}).
 */
public final class SchemaLocator {

    private SchemaLocator() {
    }

    public static SchemaModel load(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Schema class " + className + " is not on the classpath;"
                    + " add the module that defines it as a dependency of the code generator", e);
        }
        try {
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    SchemaModel model = asModel(field.get(null));
                    if (model != null) {
                        return model;
                    }
                }
            }
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0) {
                    SchemaModel model = asModel(method.invoke(null));
                    if (model != null) {
                        return model;
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot read the schema held by " + className + ": " + e, e);
        }
        throw new IllegalArgumentException("Class " + className + " holds no schema: give it a public static field or"
                + " method returning a SchemaModel, or an object with a public model() method");
    }

    private static SchemaModel asModel(Object value) throws ReflectiveOperationException {
        if (value instanceof SchemaModel model) {
            return model;
        }
        if (value == null) {
            return null;
        }
        try {
            Method model = value.getClass().getMethod("model");
            Object result = model.invoke(value);
            return result instanceof SchemaModel m ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
