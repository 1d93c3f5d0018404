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
            // SO_REUSEADDR, as PostgreSQL's own listen socket has: a port whose last connections linger in
            // TIME_WAIT is free for PostgreSQL, while a port someone listens on still fails to bind.
            socket.setReuseAddress(true);
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
