package ai.paperclip.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code paperclip:adopt}: takes over a database that has the tables but no history
 * ({@code paperclip-migrate adopt}): compares it with the schema after {@code to} (default: the newest migration)
 * of {@code migrationsDirectory}'s history (else Paperclip's), refuses (exit status 21) listing every difference,
 * or records the migrations up to it as applied.
 */
@Mojo(name = "adopt", threadSafe = true)
public final class AdoptMojo extends PaperclipMojo {

    /** The migration the database is at ({@code NNNN} or {@code NNNN_name}); default: the newest. */
    @Parameter(property = "paperclip.to")
    String to;

    @Override
    protected List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("adopt"));
        option(args, "--to", to);
        args.addAll(oneHistory());
        return args;
    }
}
