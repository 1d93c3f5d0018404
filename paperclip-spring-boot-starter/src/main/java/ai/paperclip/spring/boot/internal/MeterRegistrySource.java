package ai.paperclip.spring.boot.internal;

/**
 * Boot's Micrometer registry for {@code PaperclipDbOptions.meterRegistry}, typed {@code Object} as the library takes
 * it, so that the configurations creating {@code PaperclipDb} never load a Micrometer class (Micrometer is optional).
 */
@FunctionalInterface
public interface MeterRegistrySource {

    /** The registry, or null when there is none. */
    Object registry();

    /** The registry {@code source} gives, or null when there is no source. */
    static Object of(MeterRegistrySource source) {
        return source == null ? null : source.registry();
    }
}
