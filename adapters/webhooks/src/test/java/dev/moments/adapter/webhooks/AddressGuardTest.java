package dev.moments.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @Test
    void loopbackLinkLocalPrivateAndOtherInternalAddressesAreRefused_ipv4AndIpv6() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254",
                "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.170", "198.18.0.1",
                "::1", "::", "fe80::1", "fc00::1", "fd12:3456:789a::1", "fec0::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1")) {
            assertThat(AddressGuard.forbidden(InetAddress.getByName(internal))).as(internal).isNotNull();
        }
        for (String external : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1",
                "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34", "64:ff9b::5db8:d822")) {
            assertThat(AddressGuard.forbidden(InetAddress.getByName(external))).as(external).isNull();
        }
    }

    @Test
    void urlsOfInternalAddressLiteralsAreRefusedWithTheAddressNamed() {
        AddressGuard guard = new AddressGuard(false, AddressGuard.SYSTEM);

        assertThat(guard.refusal(URI.create("http://127.0.0.1/hook"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("127.0.0.1").contains("loopback"));
        assertThat(guard.refusal(URI.create("http://169.254.169.254/latest/meta-data/"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("link-local"));
        assertThat(guard.refusal(URI.create("http://10.0.0.1/"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("private"));
        assertThat(guard.refusal(URI.create("http://[::1]:8080/"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("loopback"));
        assertThat(guard.refusal(URI.create("https://93.184.216.34/hook"))).isEmpty();
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo_andOneThatDoesNotResolveIsRefused() {
        Map<String, List<String>> dns = Map.of("public.example", List.of("93.184.216.34"),
                "mixed.example", List.of("93.184.216.34", "10.1.1.1"),
                "rebound.example", List.of("127.0.0.1"));
        AddressGuard guard = new AddressGuard(false, host -> {
            List<String> answers = dns.get(host);
            if (answers == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> addresses = new java.util.ArrayList<>();
            for (String answer : answers) {
                addresses.add(InetAddress.getByName(answer));
            }
            return addresses;
        });

        assertThat(guard.target(URI.create("https://public.example/in")))
                .isEqualTo(new AddressGuard.Target.Checked(address("93.184.216.34")));
        assertThat(guard.refusal(URI.create("https://mixed.example/in"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("10.1.1.1"));
        assertThat(guard.refusal(URI.create("https://rebound.example/in"))).isPresent();
        assertThat(guard.refusal(URI.create("https://nowhere.example/in"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("does not resolve"));
    }

    @Test
    void withPrivateTargetsAllowedNothingIsResolvedNorRefused() {
        AddressGuard guard = new AddressGuard(true, host -> {
            throw new AssertionError("resolved " + host);
        });

        assertThat(guard.target(URI.create("http://127.0.0.1/"))).isEqualTo(new AddressGuard.Target.Unchecked());
        assertThat(guard.allowsPrivateTargets()).isTrue();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
