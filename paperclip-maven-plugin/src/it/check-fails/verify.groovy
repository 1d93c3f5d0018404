def log = new File(basedir, 'build.log').text
// Bound to verify by default: it ran after package, without being named on the command line.
assert log =~ /:check \(default\) @ check-fails/
assert log.contains('changed tables: invoices') : 'the message names the changed table'
assert log.contains('paperclip:check failed with exit status 11')
assert log.contains('BUILD FAILURE')
return true
