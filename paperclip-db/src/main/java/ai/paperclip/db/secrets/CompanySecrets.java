package ai.paperclip.db.secrets;

import static ai.paperclip.db.jooq.Tables.COMPANY_SECRETS;
import static ai.paperclip.db.jooq.Tables.COMPANY_SECRET_VERSIONS;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.jooq.tables.records.CompanySecretVersionsRecord;
import ai.paperclip.db.jooq.tables.records.CompanySecretsRecord;
import ai.paperclip.db.secrets.internal.Sha256;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Company secrets of the {@code local_encrypted} provider in {@code company_secrets} and
 * {@code company_secret_versions}, readable and writable by the TypeScript Paperclip on the same
 * database: the material is upstream's {@code local_encrypted_v1} (see {@link MasterKey}),
 * {@code value_sha256} and {@code fingerprint_sha256} are the hex SHA-256 of the value, as upstream fills
 * them.
 *
 * <p>Safer than upstream in one place: {@link #rotate} takes the next version number from
 * {@code latest_version} with the row locked, in the transaction that inserts the version, so two
 * concurrent rotations get consecutive versions instead of one failing on
 * {@code company_secret_versions_secret_version_uq}.
 *
 * <pre>{@code
 * CompanySecrets secrets = CompanySecrets.of(db, MasterKey.fromEnvironment(env, instance));
 * UUID id = secrets.create(companyId, "OPENAI_API_KEY", "sk-...");
 * secrets.rotate(id, "sk-new...");
 * String value = secrets.resolve(id);                     // the latest version
 * }</pre>
 */
public final class CompanySecrets {

    /** {@code company_secrets.provider} of the secrets this class manages. */
    public static final String PROVIDER = "local_encrypted";
    /** {@code company_secret_versions.status} of the newest version. */
    public static final String CURRENT = "current";
    /** {@code company_secret_versions.status} of a version a rotation replaced. */
    public static final String PREVIOUS = "previous";
    /** {@code company_secret_versions.status} of a revoked version. */
    public static final String DISABLED = "disabled";

    private final DSLContext dsl;
    private final MasterKey key;

    private CompanySecrets(DSLContext dsl, MasterKey key) {
        this.dsl = dsl;
        this.key = key;
    }

    /** Secrets on {@code dsl}, encrypted with {@code key}. */
    public static CompanySecrets of(DSLContext dsl, MasterKey key) {
        return new CompanySecrets(Objects.requireNonNull(dsl, "dsl"), Objects.requireNonNull(key, "key"));
    }

    /** Secrets on {@code db}'s pool, encrypted with {@code key}. */
    public static CompanySecrets of(PaperclipDb db, MasterKey key) {
        return of(db.dsl(), key);
    }

    /**
     * Creates the company-scoped secret {@code name} (also its {@code key}) with version 1 holding
     * {@code value}, in one transaction; returns its id.
     *
     * @throws org.jooq.exception.DataAccessException when the company already has a live secret of that name
     */
    public UUID create(UUID companyId, String name, String value) {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
        JSONB material = JSONB.valueOf(key.encrypt(Objects.requireNonNull(value, "value")));
        String digest = Sha256.hex(value);
        return dsl.transactionResult(tx -> {
            UUID id = tx.dsl().insertInto(COMPANY_SECRETS)
                    .set(COMPANY_SECRETS.COMPANY_ID, companyId)
                    .set(COMPANY_SECRETS.NAME, name)
                    .set(COMPANY_SECRETS.KEY, name)
                    .set(COMPANY_SECRETS.PROVIDER, PROVIDER)
                    .set(COMPANY_SECRETS.LATEST_VERSION, 1)
                    .returning(COMPANY_SECRETS.ID)
                    .fetchSingle(COMPANY_SECRETS.ID);
            insertVersion(tx.dsl(), id, 1, material, digest);
            return id;
        });
    }

    /**
     * Stores {@code value} as the secret's next version and makes it the latest, in one transaction: the
     * new version is {@code current}, the one before it {@code previous}. Returns the new version number.
     *
     * @throws SecretsException when the secret does not exist, was deleted, or is not {@code local_encrypted}
     */
    public int rotate(UUID secretId, String value) {
        Objects.requireNonNull(secretId, "secretId");
        JSONB material = JSONB.valueOf(key.encrypt(Objects.requireNonNull(value, "value")));
        String digest = Sha256.hex(value);
        return dsl.transactionResult(tx -> {
            // The update locks the secret's row: a concurrent rotation waits here and then reads our number.
            CompanySecretsRecord secret = tx.dsl().update(COMPANY_SECRETS)
                    .set(COMPANY_SECRETS.LATEST_VERSION, COMPANY_SECRETS.LATEST_VERSION.plus(1))
                    .set(COMPANY_SECRETS.UPDATED_AT, DSL.currentOffsetDateTime())
                    .set(COMPANY_SECRETS.LAST_ROTATED_AT, DSL.currentOffsetDateTime())
                    .where(COMPANY_SECRETS.ID.eq(secretId).and(COMPANY_SECRETS.DELETED_AT.isNull()))
                    .returning()
                    .fetchOne();
            if (secret == null) {
                throw new SecretsException("Secret " + secretId + " does not exist or was deleted.");
            }
            requireLocalEncrypted(secret);
            int version = secret.getLatestVersion();
            tx.dsl().update(COMPANY_SECRET_VERSIONS)
                    .set(COMPANY_SECRET_VERSIONS.STATUS, PREVIOUS)
                    .where(COMPANY_SECRET_VERSIONS.SECRET_ID.eq(secretId).and(COMPANY_SECRET_VERSIONS.STATUS.eq(CURRENT)))
                    .execute();
            insertVersion(tx.dsl(), secretId, version, material, digest);
            return version;
        });
    }

    /** The value of the secret's latest version. */
    public String resolve(UUID secretId) {
        CompanySecretsRecord secret = secret(secretId);
        return resolve(secret, secret.getLatestVersion());
    }

    /**
     * The value of {@code version} of the secret.
     *
     * @throws SecretsException when the secret or version does not exist, the version is revoked, or the
     *     material does not decrypt with this master key (naming its fingerprint)
     */
    public String resolve(UUID secretId, int version) {
        return resolve(secret(secretId), version);
    }

    /** Revokes {@code version} of the secret; {@code false} when it does not exist or is already revoked. */
    public boolean revokeVersion(UUID secretId, int version) {
        return dsl.update(COMPANY_SECRET_VERSIONS)
                .set(COMPANY_SECRET_VERSIONS.REVOKED_AT, DSL.currentOffsetDateTime())
                .set(COMPANY_SECRET_VERSIONS.STATUS, DISABLED)
                .where(COMPANY_SECRET_VERSIONS.SECRET_ID.eq(secretId)
                        .and(COMPANY_SECRET_VERSIONS.VERSION.eq(version))
                        .and(COMPANY_SECRET_VERSIONS.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    private String resolve(CompanySecretsRecord secret, int version) {
        requireLocalEncrypted(secret);
        String what = "secret " + secret.getId() + " (" + secret.getName() + ") version " + version;
        CompanySecretVersionsRecord row = dsl.selectFrom(COMPANY_SECRET_VERSIONS)
                .where(COMPANY_SECRET_VERSIONS.SECRET_ID.eq(secret.getId()).and(COMPANY_SECRET_VERSIONS.VERSION.eq(version)))
                .fetchOne();
        if (row == null) {
            throw new SecretsException("No " + what + ".");
        }
        if (row.getRevokedAt() != null) {
            throw new SecretsException("The " + what + " was revoked at " + row.getRevokedAt()
                    + "; rotate the secret to store a new value.");
        }
        String value = key.decrypt(row.getMaterial().data(), what);
        dsl.update(COMPANY_SECRETS).set(COMPANY_SECRETS.LAST_RESOLVED_AT, DSL.currentOffsetDateTime())
                .where(COMPANY_SECRETS.ID.eq(secret.getId())).execute();
        return value;
    }

    private CompanySecretsRecord secret(UUID secretId) {
        CompanySecretsRecord secret = dsl.selectFrom(COMPANY_SECRETS)
                .where(COMPANY_SECRETS.ID.eq(Objects.requireNonNull(secretId, "secretId")).and(COMPANY_SECRETS.DELETED_AT.isNull()))
                .fetchOne();
        if (secret == null) {
            throw new SecretsException("Secret " + secretId + " does not exist or was deleted.");
        }
        return secret;
    }

    private static void requireLocalEncrypted(CompanySecretsRecord secret) {
        if (!PROVIDER.equals(secret.getProvider())) {
            throw new SecretsException("Secret " + secret.getId() + " (" + secret.getName() + ") uses the provider "
                    + secret.getProvider() + "; this library reads only " + PROVIDER + " secrets.");
        }
    }

    private static void insertVersion(DSLContext tx, UUID secretId, int version, JSONB material, String digest) {
        tx.insertInto(COMPANY_SECRET_VERSIONS)
                .set(COMPANY_SECRET_VERSIONS.SECRET_ID, secretId)
                .set(COMPANY_SECRET_VERSIONS.VERSION, version)
                .set(COMPANY_SECRET_VERSIONS.MATERIAL, material)
                .set(COMPANY_SECRET_VERSIONS.VALUE_SHA256, digest)
                .set(COMPANY_SECRET_VERSIONS.FINGERPRINT_SHA256, digest)
                .set(COMPANY_SECRET_VERSIONS.STATUS, CURRENT)
                .execute();
    }
}
