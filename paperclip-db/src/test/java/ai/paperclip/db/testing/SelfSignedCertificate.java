package ai.paperclip.db.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for {@code 127.0.0.1} and {@code localhost}, made with the JDK's own
 * {@code keytool} (part of every JDK, so a newcomer needs nothing else) and written as the PEM files
 * PostgreSQL reads: {@code server.crt} and {@code server.key} (PKCS#8, mode 0600).
 */
public record SelfSignedCertificate(Path certificate, Path privateKey) {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    /** Makes a new key pair and certificate in {@code directory}. */
    public static SelfSignedCertificate create(Path directory) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("The JDK running the tests has no " + keytool + "; run them with a full JDK");
        }
        Files.createDirectories(directory);
        Path store = directory.resolve("server.p12");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, STORE_PASSWORD);
            X509Certificate certificate = (X509Certificate) keys.getCertificate("server");
            PrivateKey key = (PrivateKey) keys.getKey("server", STORE_PASSWORD);
            Path crt = Files.writeString(directory.resolve("server.crt"), pem("CERTIFICATE", certificate.getEncoded()));
            Path keyFile = directory.resolve("server.key");
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
            return new SelfSignedCertificate(crt, keyFile);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key store keytool wrote", e);
        } finally {
            Files.deleteIfExists(store);
        }
    }

    /** Copies the certificate and key into {@code directory} as {@code server.crt} / {@code server.key} (0600). */
    public void installInto(Path directory) throws IOException {
        Files.copy(certificate, directory.resolve("server.crt"));
        Path key = directory.resolve("server.key");
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(key, Files.readAllBytes(privateKey));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
