package ai.paperclip.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "postgres://app:secret@h:5432/db                 | postgres://app:***@h:5432/db",
        "postgresql://app:se@cr/et@h/db?sslmode=require  | postgresql://app:***@h/db?sslmode=require",
        "postgres://app:pa?ss@h/db                       | postgres://app:***@h/db",
        "postgres://:secret@h/db                         | postgres://:***@h/db",
        "postgres://app@h/db                             | postgres://app@h/db",
        "postgres://app@[::1]:5432/db                    | postgres://app@[::1]:5432/db",
        "postgres://[::1]:5432/db                        | postgres://[::1]:5432/db",
        "postgres://h/db?user=app&password=secret&x=1    | postgres://h/db?user=app&password=***&x=1",
        "postgres://h/db?PASSWORD=secret                 | postgres://h/db?PASSWORD=***",
        "postgres://h/db?sslpassword=secret              | postgres://h/db?sslpassword=***",
        "jdbc:postgresql://h/db?user=a&password=secret   | jdbc:postgresql://h/db?user=a&password=***",
        "jdbc:postgresql://h/db;password=secret          | jdbc:postgresql://h/db;password=***",
        "host=h user=app password=secret dbname=db       | host=h user=app password=*** dbname=db",
        "host=h password='sec ret' dbname=db             | host=h password=*** dbname=db",
        "mysql://app:secret@h:abc                        | mysql://app:***@h:abc",
        "user:secret@127.0.0.1:5432/db                   | user:***@127.0.0.1:5432/db",
        "//user:secret@127.0.0.1/db                      | //user:***@127.0.0.1/db",
        "postgres:/user:secret@h/db                      | postgres:/user:***@h/db",
        "postgres//user:secret@h/db                      | postgres//user:***@h/db",
        "postgres:user:secret@h/db                       | postgres:***@h/db",
        "jdbc:postgresql://user:secret@host/db           | jdbc:postgresql://user:***@host/db",
        "postgres://h/db?password=se@cret&user=a         | postgres://h/db?password=***&user=a",
    })
    void masksEveryFormOfPassword(String url, String redacted) {
        assertThat(Redaction.url(url)).isEqualTo(redacted).doesNotContain("secret").doesNotContain("cret");
    }

    @Test
    void findsTheSecretsAsWrittenAndDecodedForScrubbingOtherTexts() {
        assertThat(Redaction.secretsOf("postgres://app:se%40cret@h/db?sslpassword=k%2By"))
                .contains("se%40cret", "se@cret", "k%2By", "k+y");
        assertThat(Redaction.scrub("unknown host se@cret.h", Redaction.secretsOf("app:se%40cret@h")))
                .isEqualTo("unknown host ***.h");
        assertThat(Redaction.secretsOf("postgres://app@h/db")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "postgres://app:pa?ss@h/db?options=a@b",
    })
    void masksTooMuchRatherThanTooLittleWhenTheUrlIsAmbiguous(String url) {
        assertThat(Redaction.url(url)).contains("***").doesNotContain("pa?ss");
    }
}
