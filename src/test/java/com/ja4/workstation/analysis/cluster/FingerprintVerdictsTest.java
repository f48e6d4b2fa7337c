package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

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

    private static FeatureRow row(String ip, double ttl, double win, double scale, double mss) {
        return new FeatureRow(ip, "t13d", ttl, win, scale, mss, "", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                1, 0, null, "", "");
    }
}
