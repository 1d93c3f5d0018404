/**
 * Internals of migrations, not API. Only {@code LiquibaseRunner}, {@code AdvisoryLockService},
 * {@code DeferredCommitConnection}, {@code ChangesetListener} and {@code Slf4jLogService} touch Liquibase,
 * and only the slow path reaches them: keep every other class here free of Liquibase types.
 */
package ai.paperclip.db.migration.internal;
