package ai.paperclip.spring.boot.testdb;

/** The other of two classes that must not share a database. */
class SecondOwnDatabaseIT extends OwnDatabaseContract {
}
