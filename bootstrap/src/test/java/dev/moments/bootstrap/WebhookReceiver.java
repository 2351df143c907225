package dev.moments.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A partner's webhook receiver on this machine (the JDK's HTTP server on a free port): answers each path with the
 * statuses a test queued (then 204), and keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its path, the Standard Webhooks headers and the raw body. */
    record Request(String path, String id, String timestamp, String signature, String body) {

        Map<String, String> headers() {
            return Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Queue<Integer>> answers = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(new Request(path, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), body));
            }
            Queue<Integer> queued = answers.get(path);
            Integer status;
            synchronized (this) {
                status = queued == null ? null : queued.poll();
            }
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The URL of a path of this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered with these statuses, in order. */
    synchronized void answer(String path, Integer... statuses) {
        answers.computeIfAbsent(path, p -> new LinkedList<>()).addAll(Arrays.asList(statuses));
    }

    /** What {@code path} received so far, in the order it came. */
    List<Request> received(String path) {
        synchronized (requests) {
            return requests.stream().filter(request -> request.path().equals(path)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
