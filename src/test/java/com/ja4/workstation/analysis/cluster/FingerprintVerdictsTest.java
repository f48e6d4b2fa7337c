package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.analysis.fingerprint.TcpFingerprinter;
import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The p0f-style fingerprinter as the cluster stack verdict. */
class FingerprintVerdictsTest {

    final FingerprintVerdicts verdicts = FingerprintVerdicts.bundled();

    @Test
    void namesOsFamiliesAndMasscan() {
        assertTrue(verdicts.verdict(247, 1024, 0, 0).scanner(), "Masscan raw SYN");
        assertEquals("Masscan", verdicts.verdict(247, 1024, 0, 0).family());
        assertEquals("Windows", verdicts.verdict(118, 64240, 8, 1460).family());
        assertEquals("Linux", verdicts.verdict(57, 29200, 7, 1460).family());
        assertFalse(verdicts.verdict(118, 64240, 8, 1460).scanner());
    }

    @Test
    void fractionalAndOutOfRangeMeansAreClampedNotRefused() {
        assertDoesNotThrow(() -> verdicts.verdict(300.4, 70000.2, 15.7, -3));
        assertEquals(StackVerdict.UNKNOWN, verdicts.verdict(Double.NaN, 0, 0, 0));
        assertEquals("Windows", verdicts.verdict(117.6, 64240.4, 8.2, 1459.8).family());
    }

    @Test
    void aMixedClusterTakesItsMostCommonStackWithItsShare() {
        List<FeatureRow> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) members.add(row("10.0.0." + i, 118, 64240, 8, 1460));
        members.add(row("10.0.1.1", 57, 29200, 7, 1460));
        StackVerdict v = StackVotes.of(members, verdicts);
        assertEquals("Windows", v.family());
        assertTrue(v.label().endsWith("75% of pairs"), v.label());
        // the mean SYN (TTL 103, window 55480, scale 7.75) is no member's SYN: the vote names the
        // cluster, whatever the mean would be read as (TTL 128 and scale 8 alone now say Windows)
        assertNotEquals(v.label(), verdicts.verdict(102.75, 55480, 7.75, 1460).label());
    }

    @Test
    void aRememberedVerdictIsTheFingerprintersOwnAndTheMemoStaysBounded() {
        TcpFingerprinter fingerprinter = new TcpFingerprinter();
        FingerprintVerdicts small = new FingerprintVerdicts(fingerprinter, 10);
        double[][] syns = {{118, 64240, 8, 1460}, {57, 29200, 7, 1460}, {247, 1024, 0, 0}, {52, 65535, 6, 1460},
                {117.6, 64240.4, 8.2, 1459.8}, {64, 5840, 2, 1380}, {128, 8192, 2, 1360}, {255, 4128, 0, 536}};
        for (int round = 0; round < 3; round++) {
            for (double[] s : syns) {
                StackVerdict fresh = new FingerprintVerdicts(fingerprinter, 0).verdict(s[0], s[1], s[2], s[3]);
                assertEquals(fresh, small.verdict(s[0], s[1], s[2], s[3]), "SYN " + java.util.Arrays.toString(s));
            }
        }
        // 117.6/64240.4/8.2/1459.8 rounds to the first SYN: one verdict for both
        assertEquals(syns.length - 1, small.remembered());
        // a source with more distinct SYNs than the memo holds: still right, the memo no larger
        for (int mss = 1000; mss < 1100; mss++) {
            assertEquals(new FingerprintVerdicts(fingerprinter, 0).verdict(64, 29200, 7, mss), small.verdict(64, 29200, 7, mss));
        }
        assertEquals(10, small.remembered());
    }

    private static FeatureRow row(String ip, double ttl, double win, double scale, double mss) {
        return new FeatureRow(ip, "t13d", ttl, win, scale, mss, "", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                1, 0, null, "", "");
    }
}
