package com.ja4.workstation.analysis.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The OS a User-Agent claims, on published UA formats and on UAs real clients sent (user-agents/README.md). */
class UserAgentOsTest {

    @Test
    void publishedFormatsClaimTheirOsAndCrawlersLibrariesAndHybridsClaimNone() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (CSVRecord r : csv("user-agents/published-user-agents.csv")) {
            UserAgentOs.Claim claim = UserAgentOs.of(r.get("user_agent"));
            if (claim.os() != ClaimedOs.valueOf(r.get("claimed"))) {
                wrong.add(r.get("claimed") + " expected, got " + claim + " for " + r.get("user_agent"));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void capturedUserAgentsClaimTheFamilyTheirRowsAreLabelledWith() throws IOException {
        int checked = 0;
        int unknown = 0;
        List<String> contradicted = new ArrayList<>();
        for (CSVRecord r : csv("real-syns/real-syns.csv")) {
            String evidence = r.get("evidence");
            if (!evidence.startsWith("UA ")) continue;
            String ua = evidence.substring(3);
            OsFamily labelled = OsFamily.valueOf(r.get("family"));
            UserAgentOs.Claim claim = UserAgentOs.of(ua);
            checked++;
            if (!claim.confident()) {
                unknown++;
            } else if (!claim.os().runsOn(labelled)) {
                contradicted.add(labelled + " row, claim " + claim + ": " + ua);
            }
        }
        assertTrue(checked >= 200, "UAs checked: " + checked);
        assertTrue(contradicted.isEmpty(), String.join("\n", contradicted));
        assertTrue(unknown <= checked / 10, unknown + " of " + checked + " claimed no OS");
    }

    @Test
    void theTokenThatDecidedIsKeptForTheAnalyst() {
        assertEquals("windows nt 10.0", UserAgentOs.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120").evidence());
        assertEquals("windows nt 5.1", UserAgentOs.of("Mozilla/4.0 (compatible;+MSIE+8.0;+Windows+NT+5.1)").evidence(),
                "query-string encoded UAs from logs");
        assertEquals(ClaimedOs.APPLE, UserAgentOs.of("Magican (unknown version) CFNetwork/720.5.7 Darwin/14.5.0 (x86_64)").os());
        assertEquals(ClaimedOs.ANDROID, UserAgentOs.of("Dalvik/2.1.0 (Linux; U; Android 10; Redmi Note 9 Pro)").os());
    }

    @Test
    void mismatchNeedsBothSidesConfidentAndContradicting() {
        TcpFingerprinter fp = new TcpFingerprinter();
        String windowsUa = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        String androidUa = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Mobile Safari/537.36";
        String macUa = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15";
        String iphoneUa = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
        TcpVerdict linux = fp.classify(new TcpObservation(52, 64240, 7, 1460));
        TcpVerdict windows = fp.classify(new TcpObservation(116, 64240, 8, 1460));
        TcpVerdict apple = fp.classify(new TcpObservation(52, 65535, 6, 1460));
        TcpVerdict masscan = fp.classify(new TcpObservation(243, 1024, 0, 0));
        TcpVerdict unsure = fp.classify(new TcpObservation(100, 12345, 3, 1234));

        Optional<OsMismatch> proxy = OsMismatch.of(windowsUa, linux);
        assertTrue(proxy.isPresent(), "a Windows browser on a Linux stack: the classic proxy signal");
        assertEquals("UA claims Windows, SYN is Linux 4.x and newer (97%)", proxy.get().label());
        assertTrue(proxy.get().explanation().contains("\"windows nt 10.0\" claims Windows"), proxy.get().explanation());
        TcpVerdict crawler = new TcpVerdict("BaiduSpider", OsFamily.LINUX, 0.95, 64, 12, linux.path(), false, 0,
                List.of(), 0.95);
        assertEquals("UA claims Windows, SYN is Linux (BaiduSpider) (95%)", OsMismatch.of(windowsUa, crawler).orElseThrow().label(),
                "a label that names a product, not an OS, is led by its family");
        assertTrue(OsMismatch.of(macUa, windows).isPresent(), "a Mac browser on a Windows stack");
        assertTrue(OsMismatch.of(windowsUa, masscan).isPresent(), "a browser UA on a scanner's SYN");

        assertFalse(OsMismatch.of(windowsUa, windows).isPresent());
        assertFalse(OsMismatch.of(iphoneUa, apple).isPresent(), "iOS and macOS share Apple's stack");
        assertFalse(OsMismatch.of(macUa, apple).isPresent());
        assertFalse(OsMismatch.of(androidUa, linux).isPresent(), "Android runs the Linux stack");
        assertFalse(OsMismatch.of("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) Chrome/114.0.0.0", linux).isPresent(), "ChromeOS too");
        assertFalse(OsMismatch.of(windowsUa, unsure).isPresent(), "an unsure stack verdict raises nothing");
        assertFalse(OsMismatch.of("curl/8.5.0", linux).isPresent(), "a UA that claims no OS raises nothing");
        assertFalse(OsMismatch.of("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", windows).isPresent());
    }

    @Test
    void shareOfMismatchesCountsOnlyClientsWhereBothSidesCouldBeCompared() {
        TcpFingerprinter fp = new TcpFingerprinter();
        TcpVerdict linux = fp.classify(new TcpObservation(52, 64240, 7, 1460));
        TcpVerdict windows = fp.classify(new TcpObservation(116, 64240, 8, 1460));
        String windowsUa = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0 Safari/537.36";
        List<OsFinding> cluster = List.of(OsFinding.of(linux, windowsUa), OsFinding.of(windows, windowsUa),
                OsFinding.of(windows, windowsUa), OsFinding.of(linux, "curl/8.5.0"), OsFinding.of(null, windowsUa));
        assertEquals(1.0 / 3, OsMismatch.share(cluster), 1e-9);
        assertEquals("", cluster.get(1).mismatchLabel());
        assertTrue(cluster.get(0).mismatchLabel().startsWith("UA claims Windows, SYN is Linux"));
        assertTrue(Double.isNaN(OsMismatch.share(List.of(OsFinding.of(linux, "curl/8.5.0")))));
    }

    private static List<CSVRecord> csv(String resource) throws IOException {
        try (Reader r = new InputStreamReader(UserAgentOsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return p.getRecords();
        }
    }
}
