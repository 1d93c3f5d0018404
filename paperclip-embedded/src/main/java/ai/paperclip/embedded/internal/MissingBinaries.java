package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.PostgresBinaries;
import ai.paperclip.embedded.PostgresPlatform;

/**
 * What to say when the binaries for this platform are not where they were looked for: the artifact
 * to add (the usual cause is an exclusion of {@code paperclip-postgres-binaries}), and that a
 * {@code DATABASE_URL} needs no binaries at all.
 */
public final class MissingBinaries {

    private MissingBinaries() {
    }

    public static String message(PostgresBinaries binaries, PostgresPlatform platform) {
        String where = binaries.kind() == PostgresBinaries.Kind.JAR
                ? binaries.path() + " holds no " + binaries.resource() + ": it is not a binaries jar for " + platform
                        + " (that is " + platform.artifact() + ")"
                : "the class path has no " + binaries.resource() + ", the archive of the " + platform + " binaries";
        String add = platform.isBundled()
                ? "Add the dependency " + PostgresPlatform.BINARIES_ARTIFACT + " (type pom; it brings the binaries of "
                        + PostgresPlatform.BUNDLED + ", and is missing when excluded), or only " + platform.artifact()
                        + " (the version paperclip-bom manages)"
                : "Paperclip bundles binaries for " + PostgresPlatform.BUNDLED + " only; add " + platform.artifact()
                        + " if zonky publishes it, or choose binaries with EmbeddedPostgres.builder().binaries(..)";
        return "No PostgreSQL binaries for the embedded server: " + where + ". " + add + ". Or set DATABASE_URL to a"
                + " PostgreSQL 17+ server (local, in Docker, or hosted), which needs no binaries.";
    }
}
