package com.ja4.workstation.domain;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ClientIpTest {

    @Test
    void ipv4AndMappedFormsAreTheSameClient() {
        ClientIp a = ClientIp.parse("192.0.2.10").orElseThrow();
        ClientIp b = ClientIp.parse("::ffff:192.0.2.10").orElseThrow();
        ClientIp c = ClientIp.parse("::FFFF:c000:020a").orElseThrow();
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals("192.0.2.10", a.display());
        assertEquals("::ffff:192.0.2.10", a.v6Text());
        assertEquals("192.0.2.10", a.v4Text().orElseThrow());
    }

    @Test
    void realIpv6IsCanonicalAndHasNoIpv4Form() {
        ClientIp ip = ClientIp.parse("2001:0DB8:0000:0000:0000:0000:0000:0001").orElseThrow();
        assertEquals("2001:db8::1", ip.display());
        assertFalse(ip.v4());
        assertTrue(ip.v4Text().isEmpty(), "an IPv6 client must never be looked up in an IPv4 column");
        assertEquals("2001:db8:0:1:1:1:1:1", ClientIp.parse("2001:db8:0:1:1:1:1:1").orElseThrow().display());
        assertEquals("2001:db8::1:0:0:1", ClientIp.parse("2001:db8:0:0:1:0:0:1").orElseThrow().display());
    }

    @Test
    void malformedInputIsRejected() {
        for (String bad : new String[] {"1.2.3.999", "1.2.3", "1.2.3.4.5", "abc", "1::2::3", "12345::1", "", " ",
                "1.2.3.4'; DROP TABLE x", "localhost", "::g"}) {
            assertTrue(ClientIp.parse(bad).isEmpty(), bad);
        }
    }
}
