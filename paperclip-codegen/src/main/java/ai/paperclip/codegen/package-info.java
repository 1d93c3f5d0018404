/**
 * jOOQ code generation from a Paperclip schema model, with no database at build time.
 *
 * <p>Name {@link ai.paperclip.codegen.SchemaModelDatabase} as the database of jOOQ's code
 * generator and give it the class holding your schema:
 * <pre>{@code
 * <database>
 *   <name>ai.paperclip.codegen.SchemaModelDatabase</name>
 *   <inputSchema>public</inputSchema>
 *   <properties><property><key>schema</key><value>com.example.MySchema</value></property></properties>
 * </database>
 * }</pre>
 */
package ai.paperclip.codegen;
