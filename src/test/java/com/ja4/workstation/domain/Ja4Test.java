package com.ja4.workstation.domain;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ja4Test {

    @Test
    void chromeFingerprintIsDecoded() {
        Ja4 j = Ja4.parse("t13d1516h2_8daaf6152771_e5627efa2ab1");
        assertTrue(j.valid(), j.problem());
        assertEquals('t', j.protocol());
        assertEquals("TCP", j.protocolLabel());
        assertEquals("13", j.tlsVersion());
        assertTrue(j.sniDomain());
        assertEquals(15, j.cipherCount());
        assertEquals(16, j.extensionCount());
        assertEquals("h2", j.alpn());
        assertEquals("8daaf6152771", j.cipherHash());
        assertEquals("e5627efa2ab1", j.extensionHash());
        assertEquals("TCP · TLS 1.3 · SNI domain · 15 ciphers · 16 ext · ALPN h2", j.summary());
    }

    @Test
    void scannerWithoutSniNorAlpnAndQuicAreDecoded() {
        Ja4 scanner = Ja4.parse("t12i070000_7d8a1f6b4c2e_000000000000");
        assertTrue(scanner.valid());
        assertEquals("12", scanner.tlsVersion());
        assertFalse(scanner.sniDomain());
        assertEquals(7, scanner.cipherCount());
        assertEquals(0, scanner.extensionCount());
        assertEquals("no ALPN", scanner.alpnLabel());
        Ja4 quic = Ja4.parse("q13d0312h3_55b375c5d22e_06cda9e17597");
        assertTrue(quic.valid());
        assertEquals("QUIC", quic.protocolLabel());
        assertEquals("h3", quic.alpn());
        Ja4 old = Ja4.parse("t10d4605h1_b3e5de6c9a41_5a6ac56a7b8e");
        assertEquals("TLS 1.0", Ja4.versionLabel(old.tlsVersion()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "garbage", "t13d1516h2_8daaf6152771", "t13d1516h2_8daaf6152771_e5627efa2ab1_x",
            "x13d1516h2_8daaf6152771_e5627efa2ab1", "t14d1516h2_8daaf6152771_e5627efa2ab1", "t13x1516h2_8daaf6152771_e5627efa2ab1",
            "t13dAB16h2_8daaf6152771_e5627efa2ab1", "t13d15XYh2_8daaf6152771_e5627efa2ab1", "t13d1516h_8daaf6152771_e5627efa2ab1",
            "t13d1516h2_8DAAF6152771_e5627efa2ab1", "t13d1516h2_8daaf615277_e5627efa2ab1", "t13d1516h2_8daaf6152771_zzzzzzzzzzzz",
            "t13d1516--_8daaf6152771_e5627efa2ab1"})
    void malformedStringsAreReportedNotThrown(String text) {
        Ja4 j = Ja4.parse(text);
        assertFalse(j.valid(), text);
        assertFalse(j.problem().isBlank());
        assertTrue(j.summary().startsWith("malformed: "));
        assertEquals(text.strip(), j.raw());
    }

    @Test
    void nullIsMalformed() {
        assertFalse(Ja4.parse(null).valid());
    }
}
