/**
 * Agent API keys and company secrets, stored exactly as the TypeScript Paperclip stores them so both can
 * share a database: {@link ai.paperclip.db.secrets.AgentApiKeys} ({@code pcp_} tokens, only their SHA-256
 * stored), {@link ai.paperclip.db.secrets.CompanySecrets} (the {@code local_encrypted} provider's
 * AES-256-GCM material, versions, rotation) and {@link ai.paperclip.db.secrets.MasterKey} (the 32-byte key,
 * from {@code PAPERCLIP_SECRETS_MASTER_KEY}, {@code PAPERCLIP_SECRETS_MASTER_KEY_FILE} or the instance's
 * {@code secrets/master.key}). Nothing here logs a token, a value or the master key.
 */
package ai.paperclip.db.secrets;
