package ai.paperclip.db.introspect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogReaderTest {

    @Test
    void unwrapsOnlyParenthesesAroundTheWholeIndexExpression() {
        assertThat(CatalogReader.unwrap("(a + b)")).isEqualTo("a + b");
        assertThat(CatalogReader.unwrap("(a) + (b)")).isEqualTo("(a) + (b)");
        assertThat(CatalogReader.unwrap("lower(title)")).isEqualTo("lower(title)");
    }
}
