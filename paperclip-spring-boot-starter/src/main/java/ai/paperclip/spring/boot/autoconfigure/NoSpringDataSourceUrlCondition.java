package ai.paperclip.spring.boot.autoconfigure;

import ai.paperclip.spring.boot.internal.PaperclipSettings;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.datasource.url} is not set: then the starter, not Boot, makes the pool. */
class NoSpringDataSourceUrlCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (PaperclipSettings.springDataSourceUrlSet(context.getEnvironment())) {
            return ConditionOutcome.noMatch("spring.datasource.url is set: Spring Boot's pool is used");
        }
        return ConditionOutcome.match("spring.datasource.url is not set: Paperclip's settings pick the database");
    }
}
