package ai.paperclip.embedded.junit;

/**
 * Fills a template database once per server (for example runs the migrations); every test
 * database is then created from it with {@code CREATE DATABASE ... TEMPLATE}, in milliseconds.
 * Connections it opens are terminated when it returns.
 */
@FunctionalInterface
public interface TemplatePreparer {

    void prepare(TestDatabase template) throws Exception;
}
