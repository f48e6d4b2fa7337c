package com.ja4.workstation.analysis.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ja4.workstation.app.RootCommand;

import picocli.CommandLine;

/** The headless `fingerprint` command as a script or an analyst at a terminal would use it. */
class FingerprintCommandTest {

    /** The exit code of every refusal. */
    private static final int BAD_INPUT = 1;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void oneTuplePrintsEveryVerdictFieldAsJson() throws IOException {
        Run run = run("fingerprint", "--ttl", "116", "--win", "64240", "--scale", "8", "--mss", "1460");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("Windows 10 or 11", json.get("os").asText());
        assertEquals("WINDOWS", json.get("family").asText());
        assertTrue(json.get("confidence").asDouble() >= 0.85);
        assertEquals(128, json.get("initial_ttl").asInt());
        assertEquals(12, json.get("hops").asInt());
        assertEquals("ETHERNET", json.get("path").asText());
        assertFalse(json.get("scanner").asBoolean());
        assertTrue(json.get("scanner_confidence").isNumber());
        assertTrue(json.get("reasons").isArray() && json.get("reasons").size() > 0);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(VerdictFields.NAMES, names, "field order");
    }

    @Test
    void masscanTupleIsFlaggedAsScanner() throws IOException {
        Run run = run("fingerprint", "--ttl", "245", "--win", "1024", "--scale", "0", "--mss", "0");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("scanner").asBoolean());
        assertEquals("SCANNER", json.get("family").asText());
        assertTrue(json.get("scanner_confidence").asDouble() >= 0.95);
    }

    @Test
    void outOfRangeTupleIsReportedAndFails() {
        Run run = run("fingerprint", "--ttl", "300", "--win", "64240", "--scale", "8", "--mss", "1460");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("ttl 300 is outside 1-255"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void csvKeepsOtherColumnsAddsVerdictAndRefusesBadLinesByNumber() throws IOException {
        Path csv = dir.resolve("tuples.csv");
        Files.writeString(csv, String.join("\n",
                "src_ip,ttl,win,scale,mss,note",
                "10.0.0.1,116,64240,8,1460,desktop",
                "10.0.0.2,abc,64240,7,1460,broken ttl",
                "10.0.0.3,245,1024,0,0,scanner",
                "10.0.0.4,52,64240,99,1460,bad scale",
                "10.0.0.5,52,64240,7",
                "10.0.0.6,52,,7,1460,empty window",
                "10.0.0.7,NaN,64240,7,1460,nan",
                "10.0.0.8,52,1e308,7,1460,overflow",
                "10.0.0.9,52,64240,7,1460,server") + "\n");
        Run run = run("fingerprint", "--input", csv.toString());

        assertNotEquals(0, run.exitCode(), "a bad line makes the exit code non-zero");
        assertTrue(run.err().contains("tuples.csv: line 3: ttl 'abc' is not a whole number"), run.err());
        assertTrue(run.err().contains("tuples.csv: line 5: scale 99 is outside 0-14"), run.err());
        assertTrue(run.err().contains("tuples.csv: line 6: expected the header's 6 columns, got 4"), run.err());
        assertTrue(run.err().contains("tuples.csv: line 7: win is empty"), run.err());
        assertTrue(run.err().contains("tuples.csv: line 8: ttl 'NaN' is not a whole number"), run.err());
        assertTrue(run.err().contains("tuples.csv: line 9: win '1e308' is not a whole number"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());

        try (CSVParser parser = CSVParser.parse(new StringReader(run.out()),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            List<String> header = parser.getHeaderNames();
            assertEquals(List.of("src_ip", "ttl", "win", "scale", "mss", "note"), header.subList(0, 6));
            assertEquals(VerdictFields.NAMES, header.subList(6, header.size()));
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(List.of("10.0.0.1", "10.0.0.3", "10.0.0.9"), rows.stream().map(r -> r.get("src_ip")).toList(),
                    "only good lines get a verdict; bad ones are never written with shifted values");
            for (CSVRecord r : rows) assertTrue(r.isConsistent(), r.toString());

            assertEquals("desktop", rows.get(0).get("note"));
            assertEquals("WINDOWS", rows.get(0).get("family"));
            assertEquals("12", rows.get(0).get("hops"));
            assertTrue(rows.get(0).get("reasons").contains("initial TTL 128 -> 12 hops"));
            assertEquals("true", rows.get(1).get("scanner"));
            assertEquals("SCANNER", rows.get(1).get("family"));
            assertEquals("LINUX", rows.get(2).get("family"));
        }
    }

    @Test
    void csvSavedWithAByteOrderMarkIsRead() throws IOException {
        Path csv = dir.resolve("excel.csv");
        Files.writeString(csv, "\uFEFFttl,win,scale,mss\r\n116,64240,8,1460\r\n");
        Run run = run("fingerprint", "--input", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("WINDOWS"), run.out());
    }

    @Test
    void unreadableInputsGiveOneLineAndNoStackTrace() throws IOException {
        Path binary = dir.resolve("capture.pcap");
        Files.write(binary, new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, (byte) 0xff, (byte) 0xfe, 0, 0});
        for (String[] args : new String[][] {
                {"fingerprint", "--input", dir.resolve("missing.csv").toString()},
                {"fingerprint", "--input", dir.toString()},
                {"fingerprint", "--input", binary.toString()},
                {"fingerprint", "--evaluate", dir.resolve("missing.csv").toString()},
                {"fingerprint", "--evaluate", binary.toString()}}) {
            Run run = run(args);
            assertEquals(BAD_INPUT, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("fingerprint: " + args[2]), run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        }
        assertTrue(run("fingerprint", "--input", dir.resolve("missing.csv").toString()).err().contains("not found"));
        assertTrue(run("fingerprint", "--input", dir.toString()).err().contains("is a folder"));
        assertTrue(run("fingerprint", "--input", binary.toString()).err().contains("not a UTF-8 text file"));
    }

    @Test
    void p0fFileWithoutAnySignatureIsRefused() throws IOException {
        Path empty = dir.resolve("empty.fp");
        Files.writeString(empty, "");
        Path garbage = dir.resolve("garbage.fp");
        Files.writeString(garbage, "hello\nthis is not p0f\n[mtu]\nlabel = Ethernet\nsig = 1500\n");
        for (Path fp : List.of(empty, garbage, dir)) {
            Run run = run("fingerprint", "--p0f", fp.toString(), "--ttl", "60", "--win", "64240", "--scale", "7", "--mss", "1460");
            assertNotEquals(0, run.exitCode(), fp + ": " + run.out());
            assertEquals("", run.out());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("fingerprint: cannot use p0f database " + fp), run.err());
        }
        assertTrue(run("fingerprint", "--p0f", empty.toString(), "--ttl", "60", "--win", "64240", "--scale", "7", "--mss", "1460")
                .err().contains("no [tcp:request] signature"));
    }

    @Test
    void evaluatePrintsTheFiguresPerFamilyAndSplit() throws IOException {
        Path csv = dir.resolve("labelled.csv");
        Files.writeString(csv, String.join("\n",
                "ttl,win,scale,mss,family,split",
                "116,64240,8,1460,Windows,fit",
                "117,64202,8,1366,WINDOWS,fit",
                "52,65535,6,1460,macOS,held-out",
                "50,65535,9,1400,android,held-out",
                "52,64240,7,1460,Windows 11,held-out",
                "245,1024,0,0,masscan,held-out",
                "55,64240,7,1460,bot,held-out") + "\n");
        Run run = run("fingerprint", "--evaluate", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("6 labelled SYNs scored"), out);
        assertTrue(out.contains("Not scored (label names no OS family): 1 'bot'"), out);
        assertTrue(out.matches("(?s).*family accuracy\\s+83\\.3% \\(5/6\\).*"), out);
        assertTrue(out.matches("(?s).*where the TTL class is the family's usual one\\s+100\\.0% \\(4/4\\).*"), out);
        assertTrue(out.contains("ordinary clients flagged as a scanner"), out);
        assertTrue(out.contains("confusion (rows: label, columns: verdict)"), out);
        assertTrue(out.contains("calibration (named verdicts)"), out);
        assertTrue(out.contains("== split fit (2 SYNs) =="), out);
        assertTrue(out.contains("== split held-out (4 SYNs) =="), out);
    }

    @Test
    void evaluateRefusesAFileWithBadLinesInsteadOfScoringPartOfIt() throws IOException {
        Path csv = dir.resolve("labelled.csv");
        Files.writeString(csv, "ttl,win,scale,mss,family\n116,64240,8,1460,Windows\n52,65535,,1460,macOS\n52,65535,6,1460,\n");
        Run run = run("fingerprint", "--evaluate", csv.toString());
        assertEquals(BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("labelled.csv: line 3: scale is empty"), run.err());
        assertTrue(run.err().contains("labelled.csv: line 4: family is empty"), run.err());
        Path noFamily = dir.resolve("nofamily.csv");
        Files.writeString(noFamily, "ttl,win,scale,mss\n116,64240,8,1460\n");
        Run refused = run("fingerprint", "--evaluate", noFamily.toString());
        assertTrue(refused.err().contains("line 1: the header lacks column(s) family"), refused.err());
    }

    @Test
    void csvWithoutTheTcpColumnsIsRefused() throws IOException {
        Path csv = dir.resolve("wrong.csv");
        Files.writeString(csv, "ip,ttl\n1.2.3.4,50\n");
        Run run = run("fingerprint", "--input", csv.toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("wrong.csv: line 1: the header lacks column(s) win, scale, mss"), run.err());
    }

    @Test
    void malformedP0fDatabaseIsReportedWithItsLine() throws IOException {
        Path fp = dir.resolve("broken.fp");
        Files.writeString(fp, "[tcp:request]\nlabel = s:unix:Linux:x\nsig = *:64:0:*:lots,3:mss::0\n");
        Run run = run("fingerprint", "--p0f", fp.toString(), "--ttl", "60", "--win", "1", "--scale", "3", "--mss", "1460");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("broken.fp line 3"), run.err());
    }

    @Test
    void p0fDatabaseGivenAtRunTimeIsUsed() throws IOException {
        Path fp = dir.resolve("p0f.fp");
        Files.writeString(fp, String.join("\n",
                "[tcp:request]",
                "label = s:unix:Solaris:lab box",
                "sig   = *:64:0:*:12345,3:mss::0") + "\n");
        Run run = run("fingerprint", "--p0f", fp.toString(), "--ttl", "60", "--win", "12345", "--scale", "3", "--mss", "1460");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("Solaris lab box", json.get("os").asText());
    }
}
