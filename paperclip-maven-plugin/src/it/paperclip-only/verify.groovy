// The goals' output, in the order invoker.properties runs them.
def log = new File(basedir, 'build.log').text
def password = 'It-Secret-5b7e9d'

assert !log.contains(password) : 'the password appeared in the build output'
assert log.contains('postgres://paperclip:***@127.0.0.1') : 'the target is named with its password masked'

// sql: the pending migration's statements, before migrate ran them.
def sql = log.indexOf('-- The SQL migrate would run on')
def migrated = log.indexOf('Migrating database via')
assert sql >= 0 && migrated > sql
assert log.indexOf('CREATE TABLE companies') in (sql..migrated)
assert !log.substring(sql, migrated).contains('--rollback') : 'rollback lines are not what migrate runs'

// migrate, then status and doctor on an up-to-date database.
assert log.contains('applied 0000_core_schema')
assert log.contains('Up to date: up to date at 0000_core_schema')
assert log =~ /ok +migrations/

// sql -Drollback prints the rollback's SQL; rollback runs it.
assert log.contains('-- The SQL rollback would run on')
assert log.contains('DROP TABLE companies')
assert log.contains('Rolled back 1 migration (0000_core_schema)')

// status after the rollback: exit status 3 fails the build, with the CLI's meaning.
assert log.contains('Needs migrations: the database is empty')
assert log.contains('paperclip:status failed with exit status 3')

// adopt on the empty database: every table differs, exit status 21.
assert log.contains('Refusing to adopt')
assert log.contains('paperclip:adopt failed with exit status 21')
return true
