package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.InvalidOptionException;
import ai.paperclip.schema.migration.Decisions;
import org.junit.jupiter.api.Test;

class PushOptionsTest {

    @Test
    void defaultsToNeitherForceNorDryRunWithoutDecisionsInPublic() {
        assertThat(PushOptions.defaults()).isEqualTo(new PushOptions(false, false, Decisions.none(), "public"));
    }

    @Test
    void refusesABlankSchemaNamingTheOption() {
        assertThatThrownBy(() -> PushOptions.builder().schema(" ").build())
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("schema must name a schema (default public), got ' '");
    }
}
