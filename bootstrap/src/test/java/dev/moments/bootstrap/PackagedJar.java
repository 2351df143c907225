package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service started as its own process, for the tests that run it as an operator would. */
final class PackagedJar {

    private PackagedJar() {
    }

    /** A process of the packaged jar with a heap of {@code heap} (e.g. {@code 512m}), its output in {@code log}. */
    static ProcessBuilder process(String heap, Path log) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged service (failsafe runs after package)").exists();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
    }

    /**
     * A process of the packaged jar as one of several instances on this machine: on loopback at {@code port} (its
     * public URL), against the local PostgreSQL in {@code schema} (emptied and migrated first when
     * {@code emptySchema}), with the given admin token and the key that seals redemption tokens (shared by instances
     * that must show each other's links).
     */
    static ProcessBuilder instance(String heap, Path log, int port, String schema, boolean emptySchema,
                                   String adminToken, String tokenKey) {
        ProcessBuilder builder = process(heap, log);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        env.put("MOMENTS_SCHEMA", schema);
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", Boolean.toString(!emptySchema));
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", Boolean.toString(emptySchema));
        env.put("MOMENTS_ADMIN_TOKEN", adminToken);
        env.put("MOMENTS_TOKEN_KEY", tokenKey);
        env.put("MOMENTS_PUBLIC_URL", "http://127.0.0.1:" + port);
        return builder;
    }

    /** Waits up to 90 s for {@code url}'s readiness; stops the process and fails with its log if it never comes. */
    static void awaitReady(Process process, String url, Path log, String what) throws Exception {
        awaitHealth(process, url + "/q/health/ready", log, what);
    }

    /** Waits up to 90 s for {@code url}'s liveness: it serves, whatever its broker (and database) are doing. */
    static void awaitLive(Process process, String url, Path log, String what) throws Exception {
        awaitHealth(process, url + "/q/health/live", log, what);
    }

    private static void awaitHealth(Process process, String health, Path log, String what) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(health))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        stop(process);
        throw new IllegalStateException(what + " did not answer " + health + " in 90 s:\n" + Files.readString(log));
    }

    /** Stops the process, forcibly after 20 s. */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
