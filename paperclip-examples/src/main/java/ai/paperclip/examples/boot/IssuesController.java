package ai.paperclip.examples.boot;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The REST endpoint: companies by issue prefix, and their open issues. */
@RestController
public class IssuesController {

    /** A company to create. */
    public record NewCompany(String name, String prefix) {
    }

    /** An issue to create. */
    public record NewIssue(String title) {
    }

    private final IssueRepository issues;

    public IssuesController(IssueRepository issues) {
        this.issues = issues;
    }

    @PostMapping("/companies")
    public ResponseEntity<String> company(@RequestBody NewCompany company) {
        return ResponseEntity.status(HttpStatus.CREATED).body(issues.company(company.name(), company.prefix()).toString());
    }

    @PostMapping("/companies/{prefix}/issues")
    public ResponseEntity<IssueView> issue(@PathVariable String prefix, @RequestBody NewIssue issue) {
        return issues.create(prefix, issue.title()).map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/companies/{prefix}/issues")
    public ResponseEntity<List<IssueView>> open(@PathVariable String prefix) {
        return issues.open(prefix).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
