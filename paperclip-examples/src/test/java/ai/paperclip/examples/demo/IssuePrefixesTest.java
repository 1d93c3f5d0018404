package ai.paperclip.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IssuePrefixesTest {

    @Test
    void takesTheFirstThreeLettersOfTheUpperCasedName() {
        assertThat(IssuePrefixes.base("Acme Robotics")).isEqualTo("ACM");
        assertThat(IssuePrefixes.base("a-1 b.c d")).isEqualTo("ABC");
        assertThat(IssuePrefixes.base("xy")).isEqualTo("XY");
    }

    @Test
    void fallsBackToCmpWhenTheNameHasNoLetterFromAToZ() {
        assertThat(IssuePrefixes.base("42 ÉÈ")).isEqualTo("CMP");
    }

    @Test
    void appendsOneMoreLetterAPerAttemptAfterTheFirst() {
        assertThat(IssuePrefixes.candidate("ACM", 1)).isEqualTo("ACM");
        assertThat(IssuePrefixes.candidate("ACM", 2)).isEqualTo("ACMA");
        assertThat(IssuePrefixes.candidate("ACM", 4)).isEqualTo("ACMAAA");
        assertThatThrownBy(() -> IssuePrefixes.candidate("ACM", 0)).hasMessageContaining("attempt starts at 1");
    }
}
