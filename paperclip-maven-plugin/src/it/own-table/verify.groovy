def log = new File(basedir, 'build.log').text
assert !log.contains('It-Secret-5b7e9d') : 'the password appeared in the build output'

def migrations = new File(basedir, 'src/main/resources/com/acme/db/migrations')
def sql = new File(migrations, '0000_invoices.sql')
assert sql.isFile() : 'generate wrote the first migration'
assert sql.text.contains('--changeset acme:0000_invoices')
assert sql.text.contains('CREATE TABLE invoices')
assert new File(migrations, 'changelog.xml').isFile()

assert log.contains('Wrote ') && log.contains('0000_invoices.sql')
assert log =~ /(?s)-- The SQL migrate would run on.*-- 0000_core_schema.*-- 0000_invoices.*CREATE TABLE invoices/
assert log.contains('applied 0000_core_schema')
assert log.contains('applied 0000_invoices')
assert log.contains('Up to date: up to date at 0000_invoices')
assert log.contains('No schema changes: nothing to generate')
return true
