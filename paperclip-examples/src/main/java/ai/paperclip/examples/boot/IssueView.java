package ai.paperclip.examples.boot;

/** An issue as the REST endpoint shows it. */
public record IssueView(String identifier, String title, String status) {
}
