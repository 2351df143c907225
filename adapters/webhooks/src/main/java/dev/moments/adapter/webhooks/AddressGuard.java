package dev.moments.adapter.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps webhook requests away from the service's own network (SSRF): a URL's host is resolved and refused when any of
 * its addresses is a loopback, link-local, private (site-local, unique-local), unspecified, multicast, carrier-grade
 * NAT or reserved one, IPv4 and IPv6 alike (an IPv4-mapped or -compatible IPv6 address is judged as its IPv4 address).
 * The sender connects to the address checked here, so a DNS answer changed after the check cannot redirect it.
 * With private targets allowed (tests, a closed network) nothing is refused and nothing resolved in advance.
 */
public final class AddressGuard {

    /** Resolves a host name (or an address literal) to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The platform's resolver. */
    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    private final boolean allowPrivateTargets;
    private final Resolver resolver;
    private final Function<InetAddress, String> forbidden;

    public AddressGuard(boolean allowPrivateTargets, Resolver resolver) {
        this(allowPrivateTargets, resolver, AddressGuard::forbidden);
    }

    /** With another rule of which addresses are forbidden (tests: a receiver on this machine standing for a public one). */
    AddressGuard(boolean allowPrivateTargets, Resolver resolver, Function<InetAddress, String> forbidden) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
        this.forbidden = forbidden;
    }

    /** What a URL may be sent to. */
    public sealed interface Target {
        /** Connect to this address (the one checked), keeping the URL's host for the Host header and TLS SNI. */
        record Checked(InetAddress address) implements Target {
        }

        /** Private targets are allowed: connect as the URL says. */
        record Unchecked() implements Target {
        }

        /** Not to be sent to, for this reason. */
        record Refused(String reason) implements Target {
        }
    }

    /** Whether private targets are allowed. */
    public boolean allowsPrivateTargets() {
        return allowPrivateTargets;
    }

    /** Where a request to {@code url} may connect to, or why it may not. Resolves the host: blocks. */
    public Target target(URI url) {
        if (allowPrivateTargets) {
            return new Target.Unchecked();
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return new Target.Refused("the URL has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return new Target.Refused("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return new Target.Refused("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String kind = forbidden.apply(address);
            if (kind != null) {
                return new Target.Refused("the host " + host + " resolves to " + address.getHostAddress() + ", a "
                        + kind + " address; webhooks are sent to public addresses only");
            }
        }
        return new Target.Checked(addresses.get(0));
    }

    /** Why a request to {@code url} may not be sent, or empty. */
    public Optional<String> refusal(URI url) {
        return target(url) instanceof Target.Refused refused ? Optional.of(refused.reason()) : Optional.empty();
    }

    /** The kind of a forbidden address, or {@code null} when requests may go to it. */
    static String forbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (embedsIpv4(b)) {
                try {
                    return forbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "malformed";
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local (private)";
            }
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified (0.0.0.0/8)";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "carrier-grade NAT (private)";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "reserved (192.0.0.0/24)";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "reserved (benchmarking)";
            }
            if (first >= 240) {
                return "reserved";
            }
        }
        return null;
    }

    /** IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}) and NAT64 ({@code 64:ff9b::/96}). */
    private static boolean embedsIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0
                && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || compatible || nat64;
    }
}
