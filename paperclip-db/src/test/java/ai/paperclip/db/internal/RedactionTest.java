package ai.paperclip.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
    })
    void masksEveryFormOfPassword(String url, String redacted) {
        assertThat(Redaction.url(url)).isEqualTo(redacted).doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "postgres://app:pa?ss@h/db?options=a@b",
    })
    void masksTooMuchRatherThanTooLittleWhenTheUrlIsAmbiguous(String url) {
        assertThat(Redaction.url(url)).contains("***").doesNotContain("pa?ss");
    }
}
