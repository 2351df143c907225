package dev.moments.bootstrap.ratelimit;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The name of a client address's bucket. An IPv4 address is its own; an IPv6 address counts as its /64 network,
 * because one subscriber usually holds a whole /64 and could otherwise take a fresh bucket for every request.
 * IPv4-mapped IPv6 addresses count as the IPv4 address. Never resolves a name.
 */
public final class ClientAddress {

    private static final int MAX_UNPARSED = 64;

    private ClientAddress() {
    }

    /**
     * The bucket name of an address as Vert.x reports it: the TCP peer, or the forwarded address when Quarkus's proxy
     * support is on. Something that is not an IP literal (a forwarded header may say anything) is used as it is,
     * shortened, and {@code null} (no address at all) is one shared name.
     */
    public static String bucketOf(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address.strip());
        if (bytes == null) {
            String text = address.strip();
            return "other:" + (text.length() > MAX_UNPARSED ? text.substring(0, MAX_UNPARSED) : text);
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes.length == 4) {
            return literal(bytes);
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return literal(bytes) + "/64";
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress(); // from raw bytes: no lookup
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 or 16 bytes are always an address", impossible);
        }
    }
}
