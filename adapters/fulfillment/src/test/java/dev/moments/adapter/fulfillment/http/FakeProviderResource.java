package dev.moments.adapter.fulfillment.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Starts the fake reward provider — a second HTTP server on localhost (WireMock on a free port) — and configures the
 * http provider to use it. The port is chosen once, so a test can stop and restart the server to refuse connections.
 */
public class FakeProviderResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-provider-key-0123";
    public static final String CALLBACK_SECRET = "test-callback-secret-4567";

    private WireMockServer server;
    private FakeRewardProvider provider;

    @Override
    public Map<String, String> start() {
        provider = new FakeRewardProvider();
        server = new WireMockServer(options().port(freePort()).extensions(provider));
        server.start();
        return Map.of(
                "quarkus.rest-client.reward-provider.url", "http://127.0.0.1:" + server.port(),
                "moments.providers.http.api-key", API_KEY,
                "moments.providers.http.callback-secret", CALLBACK_SECRET);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
        testInjector.injectIntoFields(provider, new TestInjector.MatchesType(FakeRewardProvider.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
