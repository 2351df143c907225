package dev.moments.testing.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A one-node Kafka (KRaft: broker and controller in one process) in a child JVM, on free loopback ports, with its
 * log directory under a directory of the caller's. Started from the jars of Kafka in the local Maven repository (the
 * class path this module's build wrote), so no Docker and nothing installed. What it prints goes to
 * {@code broker.log} in that directory (Kafka's own logging has no binding here and stays silent).
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start(Path.of("target/kafka"))) {
 *     String servers = kafka.bootstrapServers();   // 127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path directory;

    private KafkaBroker(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /**
     * Formats a new log directory under {@code directory} and starts the broker; returns once it accepts connections.
     *
     * @throws IllegalStateException when it does not start within a minute (its log says why)
     */
    public static KafkaBroker start(Path directory) {
        try {
            Files.createDirectories(directory);
            int port = freePort();
            int controllerPort = freePort();
            Path logs = Files.createTempDirectory(directory, "kraft-");
            Path properties = directory.resolve("server-" + port + ".properties");
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + logs.toAbsolutePath(),
                    "num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false",
                    ""), StandardCharsets.UTF_8);
            Path log = directory.resolve("broker.log");
            String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            run(log, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString());
            Process broker = java(log, "kafka.Kafka", properties.toString()).start();
            KafkaBroker started = new KafkaBroker(broker, port, directory);
            started.awaitListening();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka under " + directory, e);
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker's own output. */
    public Path log() {
        return directory.resolve("broker.log");
    }

    /** Stops the broker (at once: the tests keep nothing). */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka stopped at start (exit " + process.exitValue() + "); see "
                        + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("Kafka did not listen on " + port + " within " + START_TIMEOUT + "; see "
                + log());
    }

    private static void run(Path log, String mainClass, String... arguments) throws IOException {
        Process process = java(log, mainClass, arguments).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + mainClass, e);
        }
    }

    private static ProcessBuilder java(Path log, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", brokerClassPath(), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static String brokerClassPath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath is missing: build moments-testing-kafka-broker");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka starts", e);
        }
    }
}
