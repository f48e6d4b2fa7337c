package com.ja4.workstation.analysis.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One verdict per signature family, as the IP drill-down would show it, and the ambiguous cases. */
class TcpFingerprinterTest {

    private static final TcpFingerprinter FINGERPRINTER = new TcpFingerprinter();

    private static TcpVerdict classify(int ttl, int window, int scale, int mss) {
        return FINGERPRINTER.classify(new TcpObservation(ttl, window, scale, mss));
    }

    private static boolean anyReason(TcpVerdict v, String fragment) {
        return v.reasons().stream().anyMatch(r -> r.contains(fragment));
    }

    @Test
    void windows10Desktop12HopsAway() {
        TcpVerdict v = classify(116, 64240, 8, 1460);
        assertEquals(OsFamily.WINDOWS, v.family());
        assertEquals("Windows 10 or 11", v.os());
        assertEquals(128, v.initialTtl());
        assertEquals(12, v.hops());
        assertEquals(NetworkPath.ETHERNET, v.path());
        assertFalse(v.scanner());
        assertTrue(v.confidence() >= 0.85, "agreeing signals: " + v);
        assertTrue(anyReason(v, "initial TTL 128 -> 12 hops"), v.reasons().toString());
        assertTrue(anyReason(v, "window 64240 = 44 x MSS 1460 (Windows 10 or 11)"), v.reasons().toString());
    }

    @Test
    void windows7FromP0f() {
        TcpVerdict v = classify(121, 8192, 2, 1452);
        assertEquals(OsFamily.WINDOWS, v.family());
        assertEquals("Windows 7 or 8", v.os());
        assertEquals(NetworkPath.PPPOE, v.path());
    }

    @Test
    void windowsXp() {
        assertEquals("Windows XP", classify(110, 65535, 0, 1460).os());
    }

    @Test
    void modernLinuxWindowIs44TimesMss() {
        TcpVerdict v = classify(52, 64240, 7, 1460);
        assertEquals(OsFamily.LINUX, v.family());
        assertEquals("Linux 4.x and newer", v.os());
        assertTrue(v.stackConfidence() >= 0.9, v.toString());
        assertTrue(v.confidence() < 0.75, "a Linux stack is often not the client's own OS: " + v);
        assertTrue(anyReason(v, "Linux stacks also front proxies"), v.reasons().toString());
        assertTrue(anyReason(v, "window 64240 = 44 x MSS 1460"), v.reasons().toString());
    }

    @Test
    void linuxBehindClampingRouterKeepsItsEthernetWindow() {
        TcpVerdict v = classify(50, 64240, 7, 1380);
        assertEquals(OsFamily.LINUX, v.family());
        assertEquals(NetworkPath.VPN_IPSEC, v.path());
        assertTrue(anyReason(v, "MSS clamped to 1380"), v.reasons().toString());
    }

    @Test
    void linux3FromP0fWindowTwentyTimesMss() {
        TcpVerdict v = classify(57, 20 * 1452, 10, 1452);
        assertEquals(OsFamily.LINUX, v.family());
        assertEquals("Linux 3.11 and newer", v.os());
        assertTrue(anyReason(v, "window 29040 = 20 x MSS 1452"), v.reasons().toString());
    }

    @Test
    void android() {
        assertEquals(OsFamily.ANDROID, classify(61, 65535, 9, 1400).family());
        assertEquals(OsFamily.ANDROID, classify(58, 44 * 1460, 3, 1460).family(), "p0f's Android signature");
    }

    @Test
    void macOs() {
        TcpVerdict v = classify(56, 65535, 4, 1460);
        assertEquals(OsFamily.MACOS_IOS, v.family());
        assertTrue(v.confidence() >= 0.7, v.toString());
    }

    @Test
    void freeBsdSendsTheSameSynAsMacOsAndTheReasonsSaySo() {
        // FreeBSD 9+ and macOS 11+ both send 65535, scale 6, TTL 64. Among web clients the Mac is
        // the far better bet; the reasons say that the prior, not the SYN, decided.
        TcpVerdict v = classify(60, 65535, 6, 1460);
        assertEquals(OsFamily.MACOS_IOS, v.family(), v.toString());
        assertTrue(anyReason(v, "FreeBSD 9.x or newer sends the same SYN; macOS/iOS is the more common web client"),
                v.reasons().toString());
    }

    @Test
    void legacyStacksOfTwoFamiliesThatSendTheSameSynAreUnknownAndTheReasonsNameBoth() {
        // Mac OS X 10.0-10.8 and FreeBSD 4.7-5.2 both send 65535 with scale 1: both are legacy, so
        // macOS's prior as a web client does not make it the better bet.
        TcpVerdict v = classify(60, 65535, 1, 1460);
        assertEquals(OsFamily.UNKNOWN, v.family(), v.toString());
        assertTrue(v.confidence() <= TcpFingerprinter.UNKNOWN_CAP, v.toString());
        assertTrue(anyReason(v, "send the same SYN") && anyReason(v, "Mac OS X 10.x") && anyReason(v, "FreeBSD 4.7-5.2"),
                v.reasons().toString());
        assertEquals(OsFamily.UNKNOWN, classify(52, 16384, 0, 1460).family(), "Linux 2.0, FreeBSD 2-4 and OpenBSD 3");
    }

    @Test
    void android4AndASmallLinux3SendTheSameSynSoNeitherIsNamed() {
        TcpVerdict v = classify(60, 14600, 6, 1460);
        assertEquals(OsFamily.UNKNOWN, v.family(), v.toString());
        assertTrue(anyReason(v, "Linux (Android 4.x) and Linux 3.1-3.10 send the same SYN"), v.reasons().toString());
        // A desktop Linux 3.x kernel's 6 MB receive buffer gives scale 7: that one Android does not send.
        assertEquals(OsFamily.LINUX, classify(60, 14600, 7, 1460).family());
    }

    @Test
    void aP0fFileGivenAtRunTimeGetsItsLegacyLabelsMarkedToo(@TempDir Path dir) throws IOException {
        Path p0f = dir.resolve("p0f.fp");
        try (InputStream in = TcpFingerprinter.class.getResourceAsStream("p0f.fp")) {
            Files.copy(in, p0f);
        }
        TcpFingerprinter fromFile = new TcpFingerprinter(SignatureDatabase.withP0fFile(p0f));
        TcpVerdict v = fromFile.classify(new TcpObservation(60, 65535, 1, 1460));
        assertEquals(OsFamily.UNKNOWN, v.family(), v.toString());
        assertTrue(fromFile.database().signatures().stream().anyMatch(s -> s.label().equals("Mac OS X 10.x") && s.legacy()));
    }

    @Test
    void modernWindowsSizesItsWindowFromTheMssLikeLinux() {
        // 64202 = 47 x 1366, 64480 = 52 x 1240 (Windows 10 builds in Satori's tcp.xml): not Linux at TTL 128
        for (int[] t : new int[][] {{116, 64202, 8, 1366}, {120, 64480, 8, 1240}, {118, 65320, 8, 1420}}) {
            TcpVerdict v = classify(t[0], t[1], t[2], t[3]);
            assertEquals(OsFamily.WINDOWS, v.family(), v.toString());
            assertTrue(v.confidence() >= 0.9, v.toString());
        }
    }

    @Test
    void androidWithAnyOfItsWindowScalesIsNotAMac() {
        for (int scale = 7; scale <= 10; scale++) {
            TcpVerdict v = classify(52, 65535, scale, 1400);
            assertEquals(OsFamily.ANDROID, v.family(), "scale " + scale + ": " + v);
        }
    }

    @Test
    void ttlAndScaleOfWindowsNameWindowsEvenWithAnOddWindow() {
        TcpVerdict v = classify(117, 17001, 8, 1460);
        assertEquals(OsFamily.WINDOWS, v.family(), v.toString());
        assertTrue(anyReason(v, "scale 8 (Windows NT kernel)"), v.reasons().toString());
    }

    @Test
    void anOrdinarySynWithoutScalingIsNotAnNmapScan() {
        // p0f's nmap signatures take any TTL <= 64, scale 0 and MSS 1460: only nmap's windows make it nmap
        for (int[] t : new int[][] {{60, 16384, 0, 1460}, {57, 32768, 0, 1460}, {50, 5840, 0, 1460}, {64, 31856, 0, 1460}}) {
            TcpVerdict v = classify(t[0], t[1], t[2], t[3]);
            assertFalse(v.scanner(), v.toString());
            assertFalse(v.family() == OsFamily.SCANNER, v.toString());
        }
        assertTrue(classify(43, 2048, 0, 1460).scanner(), "nmap -sS itself");
    }

    @Test
    void zmapBareSynIsAScanner() {
        TcpVerdict v = classify(243, 65535, 0, 0);
        assertEquals(OsFamily.SCANNER, v.family(), v.toString());
        assertTrue(v.scanner());
    }

    @Test
    void openBsd() {
        TcpVerdict v = classify(50, 16384, 3, 1460);
        assertEquals(OsFamily.OPENBSD, v.family());
        assertEquals("OpenBSD 4.x-5.x", v.os());
    }

    @Test
    void solaris() {
        assertEquals(OsFamily.SOLARIS, classify(54, 34 * 1460, 0, 1460).family());
        assertEquals(OsFamily.SOLARIS, classify(54, 32850, 1, 1460).family());
    }

    @Test
    void ciscoRouter() {
        TcpVerdict v = classify(250, 4128, 0, 536);
        assertEquals(OsFamily.NETWORK_DEVICE, v.family());
        assertEquals(255, v.initialTtl());
        assertEquals(5, v.hops());
        assertEquals(NetworkPath.MINIMUM, v.path());
        assertFalse(v.scanner());
    }

    @Test
    void masscan() {
        TcpVerdict v = classify(243, 1024, 0, 0);
        assertEquals(OsFamily.SCANNER, v.family());
        assertTrue(v.scanner());
        assertTrue(v.scannerConfidence() >= 0.95, v.toString());
        assertEquals(NetworkPath.NO_MSS, v.path());
        assertEquals(12, v.hops());
        assertTrue(anyReason(v, "window 1024"), v.reasons().toString());
    }

    @Test
    void nmapSynScanByP0fSignature() {
        TcpVerdict v = classify(45, 2048, 0, 1460);
        assertEquals(OsFamily.SCANNER, v.family());
        assertTrue(v.scanner());
        assertTrue(v.os().startsWith("NMap"), v.os());
    }

    @Test
    void ordinaryBrowserIsNotAScanner() {
        TcpVerdict v = classify(116, 64240, 8, 1460);
        assertFalse(v.scanner());
        assertTrue(v.scannerConfidence() < 0.5);
    }

    @Test
    void ttlSaysWindowsButWindowAndScaleSayLinuxIsLessConfident() {
        TcpVerdict agreeing = classify(116, 64240, 8, 1460);
        TcpVerdict disagreeing = classify(116, 64240, 7, 1460);
        assertTrue(disagreeing.confidence() < agreeing.confidence() - 0.2, disagreeing + " vs " + agreeing);
        assertTrue(disagreeing.confidence() < 0.8, disagreeing.toString());
        assertTrue(anyReason(disagreeing, "disagrees") || anyReason(disagreeing, "runner-up"), disagreeing.reasons().toString());
    }

    @Test
    void linuxWindowWithWindowsTtlIsLessConfidentThanPlainLinux() {
        TcpVerdict linux = classify(52, 64240, 7, 1460);
        TcpVerdict mixed = classify(116, 64240, 7, 1460);
        assertTrue(mixed.stackConfidence() < linux.stackConfidence() - 0.2, mixed + " vs " + linux);
    }

    @Test
    void unknownTupleIsUnknownWithLowConfidence() {
        TcpVerdict v = classify(100, 12345, 3, 1234);
        assertEquals(OsFamily.UNKNOWN, v.family());
        assertEquals("Unknown", v.os());
        assertTrue(v.confidence() <= 0.25, v.toString());
        assertTrue(anyReason(v, "closest"), v.reasons().toString());
        assertEquals(NetworkPath.UNKNOWN, v.path());
    }

    @Test
    void networkPathsFromMss() {
        assertEquals(NetworkPath.ETHERNET, NetworkPath.fromMss(1460));
        assertEquals(NetworkPath.PPPOE, NetworkPath.fromMss(1452));
        assertEquals(NetworkPath.VPN_IPSEC, NetworkPath.fromMss(1380));
        assertEquals(NetworkPath.VPN_IPSEC, NetworkPath.fromMss(1410));
        assertEquals(NetworkPath.TUNNEL, NetworkPath.fromMss(1436));
        assertEquals(NetworkPath.TUNNEL, NetworkPath.fromMss(1420));
        assertEquals(NetworkPath.JUMBO, NetworkPath.fromMss(8960));
        assertEquals(NetworkPath.LOOPBACK, NetworkPath.fromMss(16344));
        assertEquals(NetworkPath.LOOPBACK, NetworkPath.fromMss(65495));
        assertEquals(NetworkPath.UNKNOWN, NetworkPath.fromMss(1000));
    }

    @Test
    void initialTtlAndHops() {
        assertEquals(32, InitialTtl.of(30));
        assertEquals(64, InitialTtl.of(33));
        assertEquals(64, InitialTtl.of(64));
        assertEquals(128, InitialTtl.of(65));
        assertEquals(255, InitialTtl.of(129));
        assertEquals(0, InitialTtl.hops(128));
    }

    @Test
    void outOfRangeValuesAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TcpObservation(0, 70000, 15, 1460));
        assertTrue(e.getMessage().contains("ttl 0 is outside 1-255"), e.getMessage());
        assertTrue(e.getMessage().contains("win 70000"), e.getMessage());
        assertTrue(e.getMessage().contains("scale 15"), e.getMessage());
        assertEquals(List.of(), TcpObservation.problems(255, 65535, 14, 65535));
    }

    @Test
    void sharedAcrossThreadsGivesTheSameVerdictsAsOneThread() {
        java.util.Random random = new java.util.Random(7);
        List<TcpObservation> rows = java.util.stream.IntStream.range(0, 8000)
                .mapToObj(i -> new TcpObservation(1 + random.nextInt(255), random.nextInt(65536), random.nextInt(15), random.nextInt(1500)))
                .toList();
        List<TcpVerdict> sequential = rows.stream().map(FINGERPRINTER::classify).toList();
        List<TcpVerdict> parallel = rows.parallelStream().map(FINGERPRINTER::classify).toList();
        assertEquals(sequential, parallel);
    }

    @Test
    void bundledDatabaseHasAtLeastTwentyOsSignatures() {
        SignatureDatabase db = FINGERPRINTER.database();
        assertTrue(db.labelCount() >= 20, "labels: " + db.labelCount());
        for (OsFamily f : OsFamily.values()) {
            if (f == OsFamily.UNKNOWN) continue;
            assertTrue(db.signatures().stream().anyMatch(s -> s.family() == f), "no signature for " + f);
        }
    }
}
