package ai.paperclip.schema.migration.internal;

import java.util.List;

/** A readable {@code adjective_noun} picked from a snapshot id, so the same content gets the same name. */
public final class NameGenerator {

    private static final List<String> ADJECTIVES = List.of(
            "amber", "bold", "brave", "brisk", "calm", "clever", "cosmic", "crisp", "dapper", "eager", "early",
            "fancy", "fluffy", "gentle", "giant", "glossy", "golden", "happy", "hidden", "humble", "icy", "jolly",
            "keen", "kind", "lively", "lucky", "mellow", "mighty", "misty", "nimble", "noble", "odd", "orange",
            "plain", "polite", "proud", "quick", "quiet", "rapid", "rare", "rustic", "shiny", "silent", "smooth",
            "solid", "steady", "sunny", "swift", "tidy", "tiny", "vivid", "warm", "wise", "young", "zany", "zesty");

    private static final List<String> NOUNS = List.of(
            "albatross", "badger", "beacon", "bison", "canyon", "cedar", "comet", "coral", "crane", "delta",
            "dragon", "ember", "falcon", "fern", "fjord", "galaxy", "gecko", "glacier", "harbor", "heron", "island",
            "jaguar", "kestrel", "lagoon", "lantern", "lynx", "maple", "meadow", "meteor", "nebula", "otter",
            "owl", "panther", "pebble", "phoenix", "pine", "quasar", "raven", "reef", "river", "sparrow", "summit",
            "thunder", "tiger", "tundra", "valley", "violet", "walrus", "willow", "wolf", "yak", "zebra");

    private NameGenerator() {
    }

    /** The name for a snapshot id (a hex string of at least 8 digits). */
    public static String name(String snapshotId) {
        long bits = Long.parseLong(snapshotId.substring(0, 8), 16);
        return ADJECTIVES.get((int) (bits % ADJECTIVES.size())) + "_" + NOUNS.get((int) ((bits / ADJECTIVES.size()) % NOUNS.size()));
    }
}
