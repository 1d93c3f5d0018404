package ai.paperclip.spring.boot.test;

import java.util.List;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Registers {@link PaperclipTestDatabaseContextCustomizer} for test classes annotated {@link PaperclipTestDatabase}. */
public final class PaperclipTestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        boolean annotated = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(PaperclipTestDatabase.class);
        return annotated ? new PaperclipTestDatabaseContextCustomizer(testClass) : null;
    }
}
