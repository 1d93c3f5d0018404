package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free-port checks on 127.0.0.1, where the embedded server listens. */
public final class Ports {

    private Ports() {
    }

    /** True when nothing listens on 127.0.0.1:{@code port} now (the answer may change a moment later). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // No SO_REUSEADDR: a port in TIME_WAIT would let us bind here but PostgreSQL may still bind too.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that is free now, chosen by the operating system. */
    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
