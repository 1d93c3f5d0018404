package ai.paperclip.db.secrets;

import static ai.paperclip.db.jooq.Tables.AGENTS;
import static ai.paperclip.db.jooq.Tables.AGENT_API_KEYS;
import static ai.paperclip.db.jooq.Tables.COMPANIES;
import static ai.paperclip.db.jooq.Tables.COMPANY_SECRETS;
import static ai.paperclip.db.jooq.Tables.COMPANY_SECRET_VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agent API keys and company secrets on a real, migrated PostgreSQL 17. */
@ExtendWith(SharedPostgres.class)
class SecretsIT {

    private static final MasterKey KEY = MasterKey.of(HexFormat.of().parseHex("a1".repeat(32)));
    private static PaperclipDb db;
    private static UUID companyId;
    private static UUID agentId;

    @BeforeAll
    static void company(PostgresServer server) {
        db = PaperclipDb.create(server.url(), PaperclipDbOptions.defaults());
        companyId = db.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "Secrets Inc " + UUID.randomUUID())
                .set(COMPANIES.ISSUE_PREFIX, "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase())
                .returning(COMPANIES.ID).fetchSingle(COMPANIES.ID);
        agentId = db.dsl().insertInto(AGENTS).set(AGENTS.COMPANY_ID, companyId).set(AGENTS.NAME, "Vault Keeper")
                .returning(AGENTS.ID).fetchSingle(AGENTS.ID);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anApiKeyIsStoredOnlyAsItsHashAndAuthenticatesUntilRevoked() {
        AgentApiKeys keys = AgentApiKeys.of(db);

        AgentApiKeys.NewKey created = keys.create(companyId, agentId, "ci");

        assertThat(created.token()).matches("pcp_[0-9a-f]{48}");
        assertThat(created.toString()).doesNotContain(created.token());
        String stored = db.dsl().select(AGENT_API_KEYS.KEY_HASH).from(AGENT_API_KEYS)
                .where(AGENT_API_KEYS.ID.eq(created.id())).fetchSingle(AGENT_API_KEYS.KEY_HASH);
        assertThat(stored).isEqualTo(sha256Hex(created.token())).matches("[0-9a-f]{64}");
        assertThat(db.dsl().fetchCount(AGENT_API_KEYS, AGENT_API_KEYS.KEY_HASH.eq(created.token())
                .or(AGENT_API_KEYS.NAME.eq(created.token())))).isZero();
        assertThat(keys.find(created.id()).orElseThrow().lastUsedAt()).isNull();

        AgentApiKeys.ApiKey caller = keys.authenticate(created.token()).orElseThrow();

        assertThat(caller.agentId()).isEqualTo(agentId);
        assertThat(caller.companyId()).isEqualTo(companyId);
        assertThat(caller.lastUsedAt()).isNotNull();
        assertThat(keys.authenticate(created.token() + "0")).isEmpty();
        assertThat(keys.authenticate("pcp_" + "0".repeat(48))).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();

        boolean revoked = keys.revoke(created.id());
        assertThat(revoked).isTrue();
        assertThat(keys.revoke(created.id())).as("already revoked").isFalse();
        assertThat(keys.authenticate(created.token())).isEmpty();
        assertThat(keys.find(created.id()).orElseThrow().revokedAt()).isNotNull();
        assertThat(LogCapture.text()).doesNotContain(created.token());
    }

    @Test
    void theLookupGoesThroughTheKeyHashIndex() {
        String plan = db.dsl().transactionResult(tx -> {
            tx.dsl().execute("set local enable_seqscan = off");
            return String.join("\n", tx.dsl().fetch("explain select * from agent_api_keys where key_hash = {0}"
                    + " and revoked_at is null", AgentApiKeys.hash("pcp_x")).getValues(0, String.class));
        });
        assertThat(plan).contains("agent_api_keys_key_hash_idx");
    }

    @Test
    void aSecretRoundTripsThroughCreateRotateResolveAndRevoke() {
        MasterKey masterKey = KEY;
        String name = "OPENAI_API_KEY_" + UUID.randomUUID();

        CompanySecrets secrets = CompanySecrets.of(db, masterKey);
        UUID id = secrets.create(companyId, name, "sk-first");
        int version = secrets.rotate(id, "sk-second");
        String latest = secrets.resolve(id);

        assertThat(version).isEqualTo(2);
        assertThat(latest).isEqualTo("sk-second");
        assertThat(secrets.rotate(id, "sk-ünïcødé")).isEqualTo(3);
        assertThat(secrets.resolve(id)).isEqualTo("sk-ünïcødé");
        assertThat(secrets.resolve(id, 1)).isEqualTo("sk-first");
        assertThat(secrets.resolve(id, 2)).isEqualTo("sk-second");
        assertThat(db.dsl().select(COMPANY_SECRETS.LATEST_VERSION, COMPANY_SECRETS.PROVIDER).from(COMPANY_SECRETS)
                .where(COMPANY_SECRETS.ID.eq(id)).fetchSingle().intoArray()).containsExactly(3, "local_encrypted");
        List<Record2<String, String>> digests = db.dsl()
                .select(COMPANY_SECRET_VERSIONS.VALUE_SHA256, COMPANY_SECRET_VERSIONS.FINGERPRINT_SHA256)
                .from(COMPANY_SECRET_VERSIONS).where(COMPANY_SECRET_VERSIONS.SECRET_ID.eq(id))
                .orderBy(COMPANY_SECRET_VERSIONS.VERSION).fetch();
        assertThat(digests).extracting(Record2::value1)
                .containsExactly(sha256Hex("sk-first"), sha256Hex("sk-second"), sha256Hex("sk-ünïcødé"));
        assertThat(digests).allSatisfy(r -> assertThat(r.value2()).isEqualTo(r.value1()));
        assertThat(statuses(id)).containsExactly("previous", "previous", "current");
        String material = db.dsl().select(COMPANY_SECRET_VERSIONS.MATERIAL).from(COMPANY_SECRET_VERSIONS)
                .where(COMPANY_SECRET_VERSIONS.SECRET_ID.eq(id).and(COMPANY_SECRET_VERSIONS.VERSION.eq(1)))
                .fetchSingle(COMPANY_SECRET_VERSIONS.MATERIAL).data();
        assertThat(material).contains("\"scheme\": \"local_encrypted_v1\"").doesNotContain("sk-first");

        boolean revoked = secrets.revokeVersion(id, 2);
        assertThat(revoked).isTrue();
        assertThatThrownBy(() -> secrets.resolve(id, 2)).isInstanceOf(SecretsException.class)
                .hasMessageContaining("version 2 was revoked");
        assertThat(secrets.resolve(id)).isEqualTo("sk-ünïcødé");
        assertThat(statuses(id)).containsExactly("previous", "disabled", "current");
        assertThat(LogCapture.text()).doesNotContain("sk-first").doesNotContain("sk-second");
    }

    @Test
    void concurrentRotationsLoseNoVersion() throws Exception {
        CompanySecrets secrets = CompanySecrets.of(db, KEY);
        UUID id = secrets.create(companyId, "ROTATED_" + UUID.randomUUID(), "v0");
        int writers = 2;
        int rotations = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> versions = new ArrayList<>();
                    for (int i = 0; i < rotations; i++) {
                        versions.add(secrets.rotate(id, "writer" + writer + "-" + i));
                    }
                    return versions;
                }));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }

            int last = 1 + writers * rotations;
            assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, last).boxed().toList());
            assertThat(db.dsl().select(COMPANY_SECRET_VERSIONS.VERSION).from(COMPANY_SECRET_VERSIONS)
                    .where(COMPANY_SECRET_VERSIONS.SECRET_ID.eq(id)).orderBy(COMPANY_SECRET_VERSIONS.VERSION)
                    .fetch(COMPANY_SECRET_VERSIONS.VERSION)).containsExactlyElementsOf(IntStream.rangeClosed(1, last).boxed().toList());
            assertThat(db.dsl().select(COMPANY_SECRETS.LATEST_VERSION).from(COMPANY_SECRETS)
                    .where(COMPANY_SECRETS.ID.eq(id)).fetchSingle(COMPANY_SECRETS.LATEST_VERSION)).isEqualTo(last);
            assertThat(statuses(id).stream().filter("current"::equals)).hasSize(1);
            List<String> values = IntStream.rangeClosed(1, last).mapToObj(v -> secrets.resolve(id, v)).toList();
            for (int w = 0; w < writers; w++) {
                for (int i = 0; i < rotations; i++) {
                    assertThat(values).contains("writer" + w + "-" + i);
                }
            }
            assertThat(secrets.resolve(id)).isEqualTo(values.get(last - 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherMasterKeyOrTamperedMaterialIsAClearError() {
        UUID id = CompanySecrets.of(db, KEY).create(companyId, "TAMPER_" + UUID.randomUUID(), "original");
        MasterKey other = MasterKey.of(HexFormat.of().parseHex("b2".repeat(32)));

        assertThatThrownBy(() -> CompanySecrets.of(db, other).resolve(id))
                .isInstanceOf(SecretsException.class)
                .hasMessageContaining("master key fingerprint: " + other.fingerprint())
                .hasMessageContaining(id.toString())
                .hasMessageNotContaining("b2".repeat(32));

        db.dsl().update(COMPANY_SECRET_VERSIONS)
                .set(COMPANY_SECRET_VERSIONS.MATERIAL, JSONB.valueOf("{\"scheme\":\"local_encrypted_v1\",\"iv\":\"AAAAAAAAAAAAAAAA\","
                        + "\"tag\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"ciphertext\":\"AAAA\"}"))
                .where(COMPANY_SECRET_VERSIONS.SECRET_ID.eq(id)).execute();
        assertThatThrownBy(() -> CompanySecrets.of(db, KEY).resolve(id))
                .isInstanceOf(SecretsException.class).hasMessageContaining("decryption failed");
    }

    @Test
    void readsMaterialWrittenInUpstreamsExactForm() {
        // A row as the TypeScript server inserts it: material built independently with the JDK cipher.
        DSLContext dsl = db.dsl();
        UUID id = dsl.insertInto(COMPANY_SECRETS).set(COMPANY_SECRETS.COMPANY_ID, companyId)
                .set(COMPANY_SECRETS.NAME, "UPSTREAM_" + UUID.randomUUID()).set(COMPANY_SECRETS.KEY, "UPSTREAM")
                .returning(COMPANY_SECRETS.ID).fetchSingle(COMPANY_SECRETS.ID);
        dsl.insertInto(COMPANY_SECRET_VERSIONS).set(COMPANY_SECRET_VERSIONS.SECRET_ID, id)
                .set(COMPANY_SECRET_VERSIONS.VERSION, 1)
                .set(COMPANY_SECRET_VERSIONS.MATERIAL, JSONB.valueOf(UpstreamVector.material(HexFormat.of().parseHex("a1".repeat(32)),
                        "from typescript")))
                .set(COMPANY_SECRET_VERSIONS.VALUE_SHA256, sha256Hex("from typescript"))
                .set(COMPANY_SECRET_VERSIONS.FINGERPRINT_SHA256, sha256Hex("from typescript"))
                .execute();

        assertThat(CompanySecrets.of(db, KEY).resolve(id)).isEqualTo("from typescript");
    }

    @Test
    void aMissingSecretIsAnError() {
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> CompanySecrets.of(db, KEY).resolve(missing)).hasMessageContaining(missing + " does not exist");
        assertThatThrownBy(() -> CompanySecrets.of(db, KEY).rotate(missing, "x")).hasMessageContaining(missing + " does not exist");
    }

    private static List<String> statuses(UUID id) {
        return db.dsl().select(COMPANY_SECRET_VERSIONS.STATUS).from(COMPANY_SECRET_VERSIONS)
                .where(COMPANY_SECRET_VERSIONS.SECRET_ID.eq(id)).orderBy(COMPANY_SECRET_VERSIONS.VERSION)
                .fetch(COMPANY_SECRET_VERSIONS.STATUS);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
