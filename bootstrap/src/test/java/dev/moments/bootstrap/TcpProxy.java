package dev.moments.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a loopback port to a real server (the broker, an SMTP server), so a test can take it away from a
 * service (close the port and every connection through it) and bring it back, or have it refuse the next connections,
 * while the server itself keeps running for the others.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile String refusal;

    TcpProxy(int port, int target) {
        this.port = port;
        this.target = target;
    }

    int port() {
        return port;
    }

    /** Listens on the port and forwards every connection to the target. */
    synchronized void open() throws IOException {
        ServerSocket listening = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        server = listening;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        client.getOutputStream().write(refusal.getBytes(StandardCharsets.US_ASCII));
                        client.close();
                        continue;
                    }
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(client);
                    sockets.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * The next {@code count} connections get {@code line} (e.g. an SMTP {@code 421} greeting) and are closed at once,
     * without reaching the target: a server that refuses the first attempts.
     */
    void refuseNext(int count, String line) {
        refusal = line;
        refusals.set(count);
    }

    /** Stops listening and cuts every connection, as a broker that went away. */
    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // either side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "tcp-proxy-pipe");
        copier.setDaemon(true);
        copier.start();
    }
}
