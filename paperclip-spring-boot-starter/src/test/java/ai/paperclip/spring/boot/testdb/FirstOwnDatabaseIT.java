package ai.paperclip.spring.boot.testdb;

/** One of two classes that must not share a database. */
class FirstOwnDatabaseIT extends OwnDatabaseContract {
}
