/**
 * paperclip-maven-plugin: the goals {@code generate}, {@code check}, {@code migrate}, {@code status},
 * {@code rollback}, {@code adopt}, {@code doctor} and {@code sql}, each the {@code paperclip-migrate} command of
 * the same name run in the build (one implementation, the same messages and exit statuses).
 */
package ai.paperclip.maven;
