package ai.paperclip.db.internal;

import ai.paperclip.db.ConnectionFailedException;
import ai.paperclip.db.InvalidOptionException;
import ai.paperclip.db.PaperclipDbOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * What {@code PaperclipDb.create(DataSource, options)} learns from a data source it does not own before the
 * start-up steps run: where it points (its connections' URL, redacted, for every message) and whether its
 * connections honour {@code preparedStatements(false)}, which we cannot set on someone else's pool.
 */
public final class ExistingDataSource {

    private ExistingDataSource() {
    }

    /**
     * Borrows one connection: the target it reaches, and the prepared-statement check.
     *
     * @throws ConnectionFailedException when no connection can be borrowed
     * @throws InvalidOptionException    when prepared statements are off but the connections prepare
     */
    public static ConnectionTarget inspect(DataSource dataSource, PaperclipDbOptions options) {
        String name = "the application's " + dataSource.getClass().getSimpleName();
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            String shown = (url == null ? "(URL unknown)" : Redaction.url(url)) + " (" + name + ")";
            ConnectionTarget target = new ConnectionTarget(url, new Properties(), shown);
            if (!options.preparedStatements()) {
                int threshold = connection.unwrap(PGConnection.class).getPrepareThreshold();
                if (threshold > 0) {
                    throw new InvalidOptionException("preparedStatements (DATABASE_PREPARED_STATEMENTS) is false but"
                            + " connections from " + shown + " prepare statements after " + threshold
                            + " uses (prepareThreshold=" + threshold + "), which fails behind a transaction-mode pooler."
                            + " Set prepareThreshold=0 on the data source (HikariCP: addDataSourceProperty(\"prepareThreshold\","
                            + " \"0\")) or in its URL, or leave preparedStatements on if there is no pooler.");
                }
            }
            return target;
        } catch (SQLException e) {
            throw ConnectionFailures.describe(e, new ConnectionTarget(null, new Properties(), name));
        }
    }
}
