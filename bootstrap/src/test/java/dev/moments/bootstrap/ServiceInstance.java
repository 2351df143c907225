package dev.moments.bootstrap;

import java.nio.file.Path;
import java.util.Map;

/**
 * One running copy of {@code target/quarkus-app/quarkus-run.jar} on a free loopback port, as one of several instances
 * on one database schema (they share the admin token and the key that seals redemption tokens, so that each may show
 * the others' links); its output in {@code target/instance-<name>.log}.
 */
final class ServiceInstance implements AutoCloseable {

    static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    static final String TOKEN_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    final String name;
    final String url;
    final Process process;

    private ServiceInstance(String name, String url, Process process) {
        this.name = name;
        this.url = url;
        this.process = process;
    }

    /**
     * Starts an instance and waits until it is ready.
     *
     * @param emptySchema whether it empties and migrates the schema (the first instance) or finds it migrated
     * @param environment more settings, e.g. {@code MOMENTS_MESSAGING_BROKER}
     */
    static ServiceInstance start(String name, String schema, boolean emptySchema, Map<String, String> environment)
            throws Exception {
        int port = PackagedJar.freePort();
        String url = "http://127.0.0.1:" + port;
        Path log = Path.of("target", "instance-" + name + ".log");
        ProcessBuilder builder = PackagedJar.instance("512m", log, port, schema, emptySchema, ADMIN_TOKEN, TOKEN_KEY);
        builder.environment().putAll(environment);
        ServiceInstance instance = new ServiceInstance(name, url, builder.start());
        PackagedJar.awaitReady(instance.process, url, log, "instance " + name);
        return instance;
    }

    @Override
    public void close() {
        PackagedJar.stop(process);
    }
}
