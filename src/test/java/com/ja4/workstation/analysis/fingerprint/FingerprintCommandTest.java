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
    void csvKeepsOtherColumnsAddsVerdictAndReportsBadLineByNumber() throws IOException {
        Path csv = dir.resolve("tuples.csv");
        Files.writeString(csv, String.join("\n",
                "src_ip,ttl,win,scale,mss,note",
                "10.0.0.1,116,64240,8,1460,desktop",
                "10.0.0.2,abc,64240,7,1460,broken ttl",
                "10.0.0.3,245,1024,0,0,scanner",
                "10.0.0.4,52,64240,99,1460,bad scale",
                "10.0.0.5,52,64240,7,1460,server") + "\n");
        Run run = run("fingerprint", "--input", csv.toString());

        assertNotEquals(0, run.exitCode(), "a bad line makes the exit code non-zero");
        assertTrue(run.err().contains("line 3: ttl 'abc' is not a number"), run.err());
        assertTrue(run.err().contains("line 5: scale 99 is outside 0-14"), run.err());

        try (CSVParser parser = CSVParser.parse(new StringReader(run.out()),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            List<String> header = parser.getHeaderNames();
            assertEquals(List.of("src_ip", "ttl", "win", "scale", "mss", "note"), header.subList(0, 6));
            assertEquals(VerdictFields.NAMES, header.subList(6, header.size()));
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(5, rows.size(), "one output row per input row");

            assertEquals("10.0.0.1", rows.get(0).get("src_ip"));
            assertEquals("desktop", rows.get(0).get("note"));
            assertEquals("WINDOWS", rows.get(0).get("family"));
            assertEquals("12", rows.get(0).get("hops"));
            assertTrue(rows.get(0).get("reasons").contains("initial TTL 128 -> 12 hops"));

            assertEquals("broken ttl", rows.get(1).get("note"));
            assertEquals("", rows.get(1).get("family"), "a bad line gets no verdict");

            assertEquals("true", rows.get(2).get("scanner"));
            assertEquals("SCANNER", rows.get(2).get("family"));
            assertEquals("LINUX", rows.get(4).get("family"));
        }
    }

    @Test
    void csvWithoutTheTcpColumnsIsRefused() throws IOException {
        Path csv = dir.resolve("wrong.csv");
        Files.writeString(csv, "ip,ttl\n1.2.3.4,50\n");
        Run run = run("fingerprint", "--input", csv.toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("win, scale, mss"), run.err());
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
