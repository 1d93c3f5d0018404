package ai.paperclip.embedded;

import java.nio.file.Path;

/** Main class of {@link FirstStartProgressIT}'s child JVMs: one start and close. Args: home, cache, database. */
public final class FirstStartChild {

    private FirstStartChild() {
    }

    public static void main(String[] args) {
        InstanceHome home = InstanceHome.of(Path.of(args[0]), "test");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().instanceHome(home).cacheDirectory(Path.of(args[1]))
                .port(Integer.parseInt(args[3])).databaseName(args[2]).registerShutdownHook(false).start()) {
            System.out.println("STARTED " + pg.port());
        }
    }
}
