package ai.paperclip.schema.migration;

/**
 * One reason the check failed.
 *
 * @param code the kind of failure
 * @param message what is wrong and what to run
 */
public record CheckProblem(CheckCode code, String message) {
}
