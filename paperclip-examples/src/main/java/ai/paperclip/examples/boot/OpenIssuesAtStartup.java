package ai.paperclip.examples.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code issues} table while it is created: it works on an empty database because the starter's
 * migrations run before anything that uses the database (this bean gets Boot's {@code DSLContext} through the
 * repository, and Boot creates that after Paperclip's migrations).
 */
@Component
public class OpenIssuesAtStartup {

    private static final Logger LOG = LoggerFactory.getLogger(OpenIssuesAtStartup.class);

    private final int openIssues;

    public OpenIssuesAtStartup(IssueRepository issues) {
        this.openIssues = issues.openCount();
        LOG.info("{} open issues at start-up", openIssues);
    }

    public int openIssues() {
        return openIssues;
    }
}
