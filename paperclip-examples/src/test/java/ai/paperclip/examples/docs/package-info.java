/**
 * The sources of the Java snippets in the documentation pages ({@code docs/*.md}) that are not cut from
 * a runnable example: compiled with the tests, so a snippet cannot name an API that does not exist.
 * {@code MarkdownSnippetsTest} checks that each page's snippet still matches the file its marker names.
 */
package ai.paperclip.examples.docs;
