package dev.moments.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official Standard Webhooks library ({@code standardwebhooks} on npm, pinned by
 * {@code bootstrap/src/test/verifier/package-lock.json}) verifying a delivery, run by {@code node}: a receiver's own
 * check, independent of Moments' code. Installs the package with {@code npm ci} the first time (a fresh checkout has
 * no {@code node_modules}).
 */
final class StandardWebhooksVerifier {

    private static final Path DIRECTORY = Documentation.root().resolve("bootstrap/src/test/verifier");

    private StandardWebhooksVerifier() {
    }

    /** What the library says of the request under the secret: {@code verified}, or {@code refused: <reason>}. */
    static String verify(String secret, WebhookReceiver.Request request) throws IOException, InterruptedException {
        installOnce();
        byte[] input = new ObjectMapper().writeValueAsBytes(Map.of("secret", secret, "headers", request.headers(),
                "body", request.body()));
        Process node = new ProcessBuilder("node", "verify.js").directory(DIRECTORY.toFile())
                .redirectErrorStream(true).start();
        node.getOutputStream().write(input);
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("node verify.js did not end");
        }
        return output;
    }

    private static synchronized void installOnce() throws IOException, InterruptedException {
        if (Files.isDirectory(DIRECTORY.resolve("node_modules/standardwebhooks"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIRECTORY.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + DIRECTORY + " failed:\n" + output);
        }
    }
}
