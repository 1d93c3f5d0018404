package ai.paperclip.db.introspect.features;

import static ai.paperclip.db.introspect.features.Entries.ENTRIES;
import static ai.paperclip.db.introspect.features.Ledgers.LEDGERS;
import static ai.paperclip.db.introspect.features.Users.USERS;

import ai.paperclip.schema.Schema;

/** A schema that uses every feature of the model, for round-trip tests of introspection. */
public final class FeatureSchema {

    public static final Schema SCHEMA = Schema.builder().extension("pg_trgm").tables(USERS, LEDGERS, ENTRIES).build();

    private FeatureSchema() {
    }
}
