package dev.moments.bootstrap.web;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A partner's logo on a CDN of its own: an HTTPS server on 127.0.0.1 with a self-signed certificate (made by the
 * JDK's {@code keytool} at start), serving one SVG. Branding takes https logos only, so the browser tests need one;
 * their Chromium runs with {@code --ignore-certificate-errors}.
 */
final class LogoServer implements AutoCloseable {

    private static final String PASSWORD = "logo-server";
    private static final String LOGO = """
            <svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
              <rect width="40" height="40" rx="10" fill="#7A1FA2"/>
              <path d="M12 30 L20 10 L28 30 M15.5 23 H24.5" stroke="#fff" stroke-width="3.5" fill="none"
                    stroke-linecap="round" stroke-linejoin="round"/>
              <text x="48" y="27" font-family="sans-serif" font-size="18" font-weight="700" fill="#2b0a3a">ACME</text>
            </svg>
            """;

    private final HttpsServer server;
    private volatile int served;

    private LogoServer(HttpsServer server) {
        this.server = server;
    }

    static LogoServer start(Path workDirectory) throws IOException, GeneralSecurityException, InterruptedException {
        Files.createDirectories(workDirectory);
        Path keystore = workDirectory.resolve("logo-server.p12");
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                        .toString(), "-genkeypair", "-alias", "logo", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool could not make the logo server's certificate: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        LogoServer logos = new LogoServer(server);
        server.createContext("/logo.svg", exchange -> {
            byte[] body = LOGO.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "image/svg+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            logos.served++;
        });
        server.start();
        return logos;
    }

    /** The logo's address, {@code https://127.0.0.1:<port>/logo.svg}. */
    String logoUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/logo.svg";
    }

    /** How many times the logo was fetched. */
    int served() {
        return served;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
