package ai.paperclip.schema.migration;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of {@link MigrationCheck}: no problems, or every problem found, the most basic first
 * (index, then checksums, then the chain, then the schema).
 */
public record CheckResult(List<CheckProblem> problems) {

    public CheckResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Empty when ok, else the code of the first (most basic) problem. */
    public Optional<CheckCode> code() {
        return ok() ? Optional.empty() : Optional.of(problems.get(0).code());
    }

    /** One line per problem, or a line saying all is well. */
    public String message() {
        return ok() ? "Migrations are up to date with the schema definitions."
                : problems.stream().map(CheckProblem::message).collect(Collectors.joining("\n"));
    }
}
