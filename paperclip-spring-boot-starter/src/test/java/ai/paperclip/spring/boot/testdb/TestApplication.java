package ai.paperclip.spring.boot.testdb;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest Boot application on the starter, for the {@code @PaperclipTestDatabase} tests. */
@SpringBootApplication
public class TestApplication {
}
