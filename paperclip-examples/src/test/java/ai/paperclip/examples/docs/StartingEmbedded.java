package ai.paperclip.examples.docs;

import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.InstanceHome;

/** docs/embedded.md: the embedded server of the instance the environment names, on its own. */
final class StartingEmbedded {

    private StartingEmbedded() {
    }

    static String jdbcUrl() {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .instanceHome(InstanceHome.fromEnvironment(System.getenv()))
                .start()) {
            String url = pg.jdbcUrl();          // jdbc:postgresql://127.0.0.1:54329/paperclip
            // user pg.user(), password pg.password(): paperclip / paperclip
            return url;
        }                                       // the last user of the server, in any process, stops it
    }
}
