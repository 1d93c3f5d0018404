package ai.paperclip.db.secrets;

import static ai.paperclip.db.jooq.Tables.AGENT_API_KEYS;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.jooq.tables.records.AgentApiKeysRecord;
import ai.paperclip.db.secrets.internal.Sha256;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Agents' API keys in {@code agent_api_keys}, exactly as upstream keeps them: a token is {@code pcp_}
 * followed by 48 hex characters from a {@link SecureRandom}, returned once by {@link #create}; only its
 * lower-case hex SHA-256 is stored ({@code key_hash}). {@link #authenticate} finds a token by that hash
 * through {@code agent_api_keys_key_hash_idx}, ignores revoked keys and records {@code last_used_at}.
 *
 * <pre>{@code
 * AgentApiKeys keys = AgentApiKeys.of(db);
 * AgentApiKeys.NewKey key = keys.create(companyId, agentId, "ci");       // show key.token() once
 * Optional<AgentApiKeys.ApiKey> caller = keys.authenticate(bearerToken);
 * }</pre>
 */
public final class AgentApiKeys {

    /** Every token starts with this. */
    public static final String TOKEN_PREFIX = "pcp_";
    /** Random bytes in a token (48 hex characters). */
    public static final int TOKEN_RANDOM_BYTES = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;

    private AgentApiKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Keys on {@code dsl} (a {@link PaperclipDb#dsl()}, or a transaction's context). */
    public static AgentApiKeys of(DSLContext dsl) {
        return new AgentApiKeys(Objects.requireNonNull(dsl, "dsl"));
    }

    /** Keys on {@code db}'s pool. */
    public static AgentApiKeys of(PaperclipDb db) {
        return of(db.dsl());
    }

    /** A key just created: its id and the token, which is not stored and cannot be shown again. */
    public record NewKey(UUID id, String token) {
        /** Never the token. */
        @Override
        public String toString() {
            return "NewKey{id=" + id + ", token=" + masked(token) + "}";
        }
    }

    /** A stored key: who it belongs to and its state. */
    public record ApiKey(UUID id, UUID companyId, UUID agentId, String name, OffsetDateTime createdAt,
                         OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    /** A new token: {@code pcp_} + 48 lower-case hex characters. */
    public static String newToken() {
        byte[] random = new byte[TOKEN_RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return TOKEN_PREFIX + HexFormat.of().formatHex(random);
    }

    /** What {@code key_hash} holds for {@code token}: its lower-case hex SHA-256. */
    public static String hash(String token) {
        return Sha256.hex(Objects.requireNonNull(token, "token"));
    }

    /** {@code pcp_1a2b…}: enough to recognise a token in a report, never enough to use it. */
    public static String masked(String token) {
        return token == null ? "null" : token.substring(0, Math.min(token.length(), TOKEN_PREFIX.length() + 4)) + "…";
    }

    /** Creates a key for {@code agentId} of {@code companyId} and returns its token, once. */
    public NewKey create(UUID companyId, UUID agentId, String name) {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(name, "name");
        String token = newToken();
        UUID id = dsl.insertInto(AGENT_API_KEYS)
                .set(AGENT_API_KEYS.COMPANY_ID, companyId)
                .set(AGENT_API_KEYS.AGENT_ID, agentId)
                .set(AGENT_API_KEYS.NAME, name)
                .set(AGENT_API_KEYS.KEY_HASH, hash(token))
                .returning(AGENT_API_KEYS.ID)
                .fetchSingle(AGENT_API_KEYS.ID);
        return new NewKey(id, token);
    }

    /**
     * The live (not revoked) key {@code token} belongs to, after recording its {@code last_used_at};
     * empty for an unknown or revoked token. The database finds the row by hash through its index; the
     * hash it returns is compared again in constant time, so no code path compares secrets byte by byte.
     */
    public Optional<ApiKey> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = hash(token);
        AgentApiKeysRecord row = dsl.update(AGENT_API_KEYS)
                .set(AGENT_API_KEYS.LAST_USED_AT, DSL.currentOffsetDateTime())
                .where(AGENT_API_KEYS.KEY_HASH.eq(hash).and(AGENT_API_KEYS.REVOKED_AT.isNull()))
                .returning()
                .fetchOne();
        if (row == null || !Sha256.sameDigest(hash, row.getKeyHash())) {
            return Optional.empty();
        }
        return Optional.of(toKey(row));
    }

    /** The key {@code id}, revoked or not. */
    public Optional<ApiKey> find(UUID id) {
        return dsl.selectFrom(AGENT_API_KEYS).where(AGENT_API_KEYS.ID.eq(id)).fetchOptional().map(AgentApiKeys::toKey);
    }

    /** Revokes key {@code id}; {@code false} when it does not exist or was already revoked. */
    public boolean revoke(UUID id) {
        return dsl.update(AGENT_API_KEYS)
                .set(AGENT_API_KEYS.REVOKED_AT, DSL.currentOffsetDateTime())
                .where(AGENT_API_KEYS.ID.eq(id).and(AGENT_API_KEYS.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    private static ApiKey toKey(AgentApiKeysRecord r) {
        return new ApiKey(r.getId(), r.getCompanyId(), r.getAgentId(), r.getName(), r.getCreatedAt(),
                r.getLastUsedAt(), r.getRevokedAt());
    }
}
