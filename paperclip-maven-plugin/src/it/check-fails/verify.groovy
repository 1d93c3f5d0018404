def log = new File(basedir, 'build.log').text
// lint: the CLI's finding and fix, then its exit status with the CLI's meaning.
assert log.contains('0001_index.sql:4: create-index-not-concurrently: CREATE INDEX notes_body_idx on existing table notes')
assert log.contains('fix: CREATE INDEX CONCURRENTLY')
assert log.contains('paperclip:lint failed with exit status 17')
// Bound to verify by default: it ran after package, without being named on the command line.
assert log =~ /:check \(default\) @ check-fails/
assert log.contains('changed tables: invoices') : 'the message names the changed table'
assert log.contains('paperclip:check failed with exit status 11')
assert log.contains('BUILD FAILURE')
return true
