/**
 * Internals of paperclip-embedded: binary extraction, cluster creation, {@code pg_ctl} control,
 * identity probes and the start decision. Not an API: may change in any release.
 */
package ai.paperclip.embedded.internal;
