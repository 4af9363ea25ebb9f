package org.joinedup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the service under test and the real Elasticsearch, so a test can take
 * Elasticsearch away (connections refused, open ones reset) and bring it back in a second,
 * without restarting the shared node. Every @QuarkusTest talks to Elasticsearch through it.
 */
public class ElasticsearchProxy implements QuarkusTestResourceLifecycleManager {

    private static final String TARGET = System.getenv().getOrDefault("JOINEDUP_TEST_ELASTICSEARCH", "http://127.0.0.1:9200");
    private static volatile ElasticsearchProxy running;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private int port;

    @Override
    public Map<String, String> start() {
        try {
            listen(0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the Elasticsearch test relay", e);
        }
        running = this;
        return Map.of("joinedup.elasticsearch.hosts", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        cut();
        running = null;
    }

    /** Elasticsearch becomes unreachable: the port refuses connections and open ones are reset. */
    public static void cutElasticsearch() {
        running.cut();
    }

    public static void restoreElasticsearch() {
        try {
            running.listen(running.port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reopen the Elasticsearch test relay on port " + running.port, e);
        }
    }

    private synchronized void listen(int onPort) throws IOException {
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        port = socket.getLocalPort();
        server = socket;
        var acceptor = new Thread(() -> accept(socket), "es-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private synchronized void cut() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        for (var socket : open) {
            close(socket);
        }
        open.clear();
    }

    private void accept(ServerSocket socket) {
        var target = URI.create(TARGET);
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                var upstream = new Socket(target.getHost(), target.getPort());
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed by cut(), or Elasticsearch itself down: the client sees the failure
            }
        }
    }

    private void pump(Socket from, Socket to) {
        var thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }, "es-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
