package ai.paperclip.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.core.PaperclipSchema;
import ai.paperclip.schema.model.SchemaModel;
import org.junit.jupiter.api.Test;

/** The ways a class can hold a schema, as {@code --schema CLASS[#member]} names them. */
class SchemaLoaderTest {

    private static final SchemaModel SMALL = SchemaModel.empty();

    /** A schema held in a static field. */
    public static final class FieldSchema {
        public static final SchemaModel MODEL = PaperclipSchema.SCHEMA.model();
    }

    /** A schema shaped like the DSL's: an object with a model() method and a public no-arg constructor. */
    public static final class DslLikeSchema {
        public SchemaModel model() {
            return PaperclipSchema.SCHEMA.model();
        }
    }

    /** A singleton holder, as a DSL schema class with an INSTANCE field. */
    public static final class HolderSchema {
        public static final DslLikeSchema INSTANCE = new DslLikeSchema();
    }

    public static final class TwoSchemas {
        public static SchemaModel small() {
            return SMALL;
        }

        public static SchemaModel big() {
            return PaperclipSchema.SCHEMA.model();
        }
    }

    public static final class NullSchema {
        public static final SchemaModel MODEL = null;
    }

    private static SchemaModel load(String reference) {
        return SchemaLoader.load(reference, SchemaLoaderTest.class.getClassLoader());
    }

    @Test
    void findsAStaticFieldASingletonHolderAndAClassWithAModelMethod() {
        assertThat(load(FieldSchema.class.getName())).isEqualTo(PaperclipSchema.SCHEMA.model());
        assertThat(load(HolderSchema.class.getName())).isEqualTo(PaperclipSchema.SCHEMA.model());
        assertThat(load(DslLikeSchema.class.getName())).isEqualTo(PaperclipSchema.SCHEMA.model());
    }

    @Test
    void aHashPicksOneMemberOfAClassWithSeveral() {
        assertThat(load(TwoSchemas.class.getName() + "#small")).isEqualTo(SMALL);
        assertThat(load(TwoSchemas.class.getName() + "#big")).isEqualTo(PaperclipSchema.SCHEMA.model());
    }

    @Test
    void anAmbiguousClassAsksForAMember() {
        String name = TwoSchemas.class.getName();
        assertThatThrownBy(() -> load(name)).isInstanceOf(SchemaException.class)
                .hasMessage("Class " + name + " has several members giving a schema ([big, small]): pick one with "
                        + name + "#<member>.");
    }

    @Test
    void anUnknownClassAMissingMemberAndANullAreNamed() {
        assertThatThrownBy(() -> load("com.example.Missing")).isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("Schema class com.example.Missing cannot be loaded")
                .hasMessageEndingWith("Give its fully qualified name, and build its module first.");
        assertThatThrownBy(() -> load(TwoSchemas.class.getName() + "#huge")).isInstanceOf(SchemaException.class)
                .hasMessageContaining("has no member 'huge' as a public static field");
        assertThatThrownBy(() -> load(NullSchema.class.getName())).isInstanceOf(SchemaException.class)
                .hasMessage(NullSchema.class.getName() + " gave null instead of a schema");
    }
}
