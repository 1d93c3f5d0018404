package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.migration.internal.TypeChanges;
import org.junit.jupiter.api.Test;

class TypeChangesTest {

    @Test
    void knownWideningsKeepEveryValue() {
        assertThat(TypeChanges.isWidening("integer", "bigint")).isTrue();
        assertThat(TypeChanges.isWidening("character varying(20)", "character varying(40)")).isTrue();
        assertThat(TypeChanges.isWidening("character varying(20)", "text")).isTrue();
        assertThat(TypeChanges.isWidening("numeric(10,2)", "numeric(12,3)")).isTrue();
        assertThat(TypeChanges.isWidening("numeric(10,2)", "numeric")).isTrue();
    }

    @Test
    void everythingElseCountsAsNarrowing() {
        assertThat(TypeChanges.isWidening("bigint", "integer")).isFalse();
        assertThat(TypeChanges.isWidening("character varying(40)", "character varying(20)")).isFalse();
        assertThat(TypeChanges.isWidening("numeric(12,2)", "numeric(12,3)")).isFalse();
        assertThat(TypeChanges.isWidening("text", "jsonb")).isFalse();
        assertThat(TypeChanges.isWidening("timestamp without time zone", "timestamp with time zone")).isFalse();
    }
}
