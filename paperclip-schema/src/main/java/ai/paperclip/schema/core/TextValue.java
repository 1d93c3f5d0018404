package ai.paperclip.schema.core;

import java.util.Locale;

/**
 * A value of an enum-like text column. The database has no CHECK on these columns (as upstream):
 * the value sets are checked by the application, and these enums are where Java code finds them.
 * The stored text is the constant's name in lower case ({@code IN_PROGRESS} is {@code in_progress}).
 */
public interface TextValue {

    String name();

    /** The text stored in the column. */
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
