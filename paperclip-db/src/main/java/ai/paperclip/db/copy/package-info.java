/**
 * Bulk inserts with PostgreSQL's {@code COPY ... FROM STDIN}: {@link ai.paperclip.db.copy.BulkCopy} on a
 * connection, or {@link ai.paperclip.db.PaperclipDb#copy} on the pool (or inside the open transaction).
 *
 * <pre>{@code
 * long inserted = db.copy(ISSUES, List.of(COMPANY_ID, TITLE, STATUS), rows);   // rows: Iterable<Object[]>
 * }</pre>
 *
 * <p>One COPY is one statement: every row is inserted or none is. Failures are {@link
 * ai.paperclip.db.copy.CopyFailedException}, naming the table, the row (1-based, in the order given) and the
 * column when they are known.
 */
package ai.paperclip.db.copy;
