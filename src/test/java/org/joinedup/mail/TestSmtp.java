package org.joinedup.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server for the whole test run: GreenMail in the test JVM, reached through a small gate
 * that speaks SMTP line by line so a test can make the server misbehave without mocks:
 * <ul>
 * <li>{@link #cut()} / {@link #restore()}: the port refuses connections (the server is down);</li>
 * <li>RCPT TO a local part starting "refused-": 550, a permanent refusal;</li>
 * <li>"flaky-": 451 (try later) the first two times that address is tried, then accepted;</li>
 * <li>"hangup-": the gate hangs up after the message's last line, before the server's answer
 *     (the mail never arrives; the sender cannot know).</li>
 * </ul>
 * The service's mailer is pointed at the gate (quarkus.mailer.host/port); {@link Mailbox} reads what arrived.
 * A session that lasts over 5 s has its timeline printed to the test log (docs/mail.md, "A greeting that was lost").
 */
public class TestSmtp implements QuarkusTestResourceLifecycleManager {

    static volatile GreenMail greenMail;
    private static volatile TestSmtp running;
    private static final Map<String, AtomicInteger> FLAKY = new ConcurrentHashMap<>();

    /** A session longer than this has its timeline printed: what was said when, to tell a slow server from a silent client. */
    private static final long SLOW_SESSION_NANOS = 5_000_000_000L;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private int port;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        try {
            listen(0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the SMTP test gate", e);
        }
        running = this;
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port), "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        shut();
        greenMail.stop();
        running = null;
    }

    /** The SMTP server is down: its port refuses connections and open ones are reset. */
    public static void cut() {
        running.shut();
    }

    public static void restore() {
        try {
            running.listen(running.port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reopen the SMTP test gate on port " + running.port, e);
        }
    }

    private synchronized void listen(int onPort) throws IOException {
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        port = socket.getLocalPort();
        server = socket;
        var acceptor = new Thread(() -> accept(socket), "smtp-gate-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private synchronized void shut() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closed already
        }
        open.forEach(TestSmtp::close);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                var thread = new Thread(() -> relay(client), "smtp-gate");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        var timeline = new Timeline();
        try (client; var upstream = new Socket(InetAddress.getLoopbackAddress(), greenMail.getSmtp().getPort())) {
            open.add(client);
            open.add(upstream);
            var toClient = client.getOutputStream();
            var pump = new Thread(() -> pump(upstream, client, toClient, timeline), "smtp-gate-pump");
            pump.setDaemon(true);
            pump.start();
            var in = client.getInputStream();
            var toServer = upstream.getOutputStream();
            boolean inData = false;
            String recipient = "";
            byte[] line;
            while ((line = readLine(in)) != null) {
                var text = new String(line, StandardCharsets.US_ASCII).strip();
                if (inData) {
                    if (text.equals(".")) {
                        inData = false;
                        if (recipient.startsWith("hangup-")) {
                            return; // the message is written, its answer never comes
                        }
                    }
                } else {
                    timeline.add("client: " + text);
                    if (text.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")) {
                        recipient = text.substring(8).replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT);
                        var answer = answer(recipient);
                        if (answer != null) {
                            synchronized (toClient) {
                                toClient.write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                                toClient.flush();
                            }
                            continue;
                        }
                    } else if (text.equalsIgnoreCase("DATA")) {
                        inData = true;
                    }
                }
                toServer.write(line);
                toServer.flush();
            }
        } catch (IOException e) {
            // a side hung up or the gate was cut
        } finally {
            open.remove(client);
            timeline.printIfSlow();
        }
    }

    private static String answer(String recipient) {
        if (recipient.startsWith("refused-")) {
            return "550 5.1.1 refused by the test server";
        }
        if (recipient.startsWith("flaky-") && FLAKY.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet() <= 2) {
            return "451 4.3.0 try again later";
        }
        return null;
    }

    /** The server's answers to the client; when the server hangs up (after QUIT) the client is hung up on too, as a real server does. */
    private static void pump(Socket upstream, Socket client, OutputStream toClient, Timeline timeline) {
        var buffer = new byte[8192];
        try {
            InputStream in = upstream.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                timeline.add("server: " + new String(buffer, 0, n, StandardCharsets.US_ASCII).strip());
                synchronized (toClient) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
            }
        } catch (IOException e) {
            // closed
        }
        close(client);
    }

    /** What was said in one session and when (commands and answers, not the message), for {@link #SLOW_SESSION_NANOS}. */
    private static final class Timeline {
        private record Event(long nanos, String what) {
        }

        private final long start = System.nanoTime();
        private final Queue<Event> events = new ConcurrentLinkedQueue<>();

        /** Kept as said; formatted only for a slow session, so a normal one costs next to nothing. */
        void add(String what) {
            events.add(new Event(System.nanoTime(), what));
        }

        void printIfSlow() {
            if (System.nanoTime() - start > SLOW_SESSION_NANOS) {
                add("closed");
                var lines = events.stream().map(e -> String.format("%7d ms  %s", (e.nanos() - start) / 1_000_000, e.what())).toList();
                System.err.println("TestSmtp: a slow SMTP session\n" + String.join("\n", lines));
            }
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (b == '\n') {
                return out.toByteArray();
            }
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
