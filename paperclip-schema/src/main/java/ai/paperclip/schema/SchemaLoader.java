package ai.paperclip.schema;

import ai.paperclip.schema.model.SchemaModel;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a schema model by class name, by reflection, so that build tools and the command line can be
 * told "this class holds my schema" (the migration generator, jOOQ code generation, the CLI's
 * {@code --schema}):
 * a public static field or no-arg static method holding a {@link SchemaModel}, or holding an object
 * with a public {@code model()} method (a DSL schema); or a class that itself has a public
 * {@code model()} method and a public no-arg constructor. {@code Class#member} picks one member
 * when a class has several.
 */
public final class SchemaLoader {

    private SchemaLoader() {
    }

    public static SchemaModel load(String reference, ClassLoader loader) {
        String className = reference.contains("#") ? reference.substring(0, reference.indexOf('#')) : reference;
        String member = reference.contains("#") ? reference.substring(reference.indexOf('#') + 1) : null;
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SchemaException("Schema class " + className + " cannot be loaded (" + e
                    + "). Give its fully qualified name, and build its module first.", e);
        }
        List<Member> candidates = new ArrayList<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && yieldsModel(f.getType()) && matches(f, member)) {
                candidates.add(f);
            }
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && yieldsModel(m.getReturnType())
                    && matches(m, member)) {
                candidates.add(m);
            }
        }
        try {
            if (candidates.size() == 1) {
                return toModel(candidates.get(0) instanceof Field f ? f.get(null) : ((Method) candidates.get(0)).invoke(null),
                        reference);
            }
            if (candidates.isEmpty() && member == null && instanceModel(type) != null) {
                return toModel(type.getConstructor().newInstance(), reference);
            }
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new SchemaException("Building the schema model from " + reference + " failed: " + cause, cause);
        }
        if (candidates.isEmpty()) {
            throw new SchemaException("Class " + className + " has no " + (member == null ? "" : "member '" + member + "' as a ")
                    + "public static field or no-arg method giving a SchemaModel (or an object with a public model()"
                    + " method), and no public model() method with a public no-arg constructor.");
        }
        throw new SchemaException("Class " + className + " has several members giving a schema ("
                + candidates.stream().map(Member::getName).distinct().sorted().toList() + "): pick one with "
                + className + "#<member>.");
    }

    private static boolean matches(Member m, String wanted) {
        return wanted == null || m.getName().equals(wanted);
    }

    private static boolean yieldsModel(Class<?> type) {
        return SchemaModel.class.isAssignableFrom(type) || instanceModel(type) != null;
    }

    private static Method instanceModel(Class<?> type) {
        try {
            Method m = type.getMethod("model");
            return !Modifier.isStatic(m.getModifiers()) && SchemaModel.class.isAssignableFrom(m.getReturnType()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static SchemaModel toModel(Object value, String reference) throws ReflectiveOperationException {
        if (value instanceof SchemaModel model) {
            return model;
        }
        if (value == null) {
            throw new SchemaException(reference + " gave null instead of a schema");
        }
        return (SchemaModel) instanceModel(value.getClass()).invoke(value);
    }
}
