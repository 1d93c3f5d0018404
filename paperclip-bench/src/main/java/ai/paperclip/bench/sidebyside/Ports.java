package ai.paperclip.bench.sidebyside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A free loopback port in 56000-56999 (the peer draws from 55000-55999), bind-tested as the peer does. */
final class Ports {

    private Ports() {
    }

    static int free() {
        for (int i = 0; i < 200; i++) {
            int port = 56000 + ThreadLocalRandom.current().nextInt(1000);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port in 56000-56999"));
    }
}
