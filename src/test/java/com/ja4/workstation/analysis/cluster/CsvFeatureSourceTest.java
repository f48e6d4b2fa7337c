package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.app.RootCommand;
import com.ja4.workstation.domain.cluster.FeatureRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code cluster --input} on untrusted files: every bad cell, row or file is refused with one line
 * naming the file and the line (1-based, the header is line 1) and a non-zero exit; nothing is
 * turned into 0, nothing overflows, no stack trace.
 */
class CsvFeatureSourceTest {

    static final String HEADER = "ip,ja4,ttl,win,scale,mss,hits,avg_score,avg_post,threat";
    /** A valid row of line l: its own IP, and scores that differ from line to line (distinct vectors). */
    static String good(int l) {
        return String.format(java.util.Locale.ROOT, "10.%d.0.%d,t13d,57,64240,8,1460,%d,%.2f,%.2f,HIGH", l / 250, l % 250,
                10 + l, (l % 97) / 100.0, (l % 13) / 20.0);
    }

    @TempDir
    Path dir;

    /** A file of 600 good rows (enough for a run), with {@code bad} as line {@code line}. */
    private Path fileWith(int line, String bad) throws Exception {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int l = 2; l <= 601; l++) {
            sb.append(l == line ? bad : good(l));
            sb.append('\n');
        }
        Path f = dir.resolve("features.csv");
        Files.writeString(f, sb);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NaN score          | 1.2.3.4,t13d,57,64240,8,1460,10,NaN,0.1,HIGH        | column avg_score: 'NaN' is not a finite number",
            "Infinity hits      | 1.2.3.4,t13d,57,64240,8,1460,Infinity,0.5,0.1,HIGH  | column hits: 'Infinity' is not a finite number",
            "-Infinity ttl      | 1.2.3.4,t13d,-Infinity,64240,8,1460,10,0.5,0.1,HIGH | column ttl: '-Infinity' is not a finite number",
            "empty cell         | 1.2.3.4,t13d,57,,8,1460,10,0.5,0.1,HIGH             | column win is empty",
            "short row          | 1.2.3.4,t13d,57,64240,8                             | has 5 values but the header has 10 columns",
            "long row           | 1.2.3.4,t13d,57,64240,8,1460,10,0.5,0.1,HIGH,extra  | has 11 values but the header has 10 columns",
            "hits 1e308         | 1.2.3.4,t13d,57,64240,8,1460,1e308,0.5,0.1,HIGH     | column hits: 1e308 is out of range",
            "negative hits      | 1.2.3.4,t13d,57,64240,8,1460,-5,0.5,0.1,HIGH        | column hits: -5 is out of range",
            "fractional hits    | 1.2.3.4,t13d,57,64240,8,1460,2.5,0.5,0.1,HIGH       | column hits: 2.5 is not a whole number",
            "ratio above 1      | 1.2.3.4,t13d,57,64240,8,1460,10,0.5,1.5,HIGH        | column avg_post: 1.5 is out of range (0 to 1)",
            "TTL above 255      | 1.2.3.4,t13d,300,64240,8,1460,10,0.5,0.1,HIGH       | column ttl: 300 is out of range (0 to 255)",
            "not a number       | 1.2.3.4,t13d,57,64240,8,1460,ten,0.5,0.1,HIGH       | column hits: 'ten' is not a number",
            "unknown threat     | 1.2.3.4,t13d,57,64240,8,1460,10,0.5,0.1,SEVERE      | column threat: 'SEVERE' is not a threat level",
            "not an address     | 1.2.3.999,t13d,57,64240,8,1460,10,0.5,0.1,HIGH      | column ip: '1.2.3.999' is not an IPv4 or IPv6 address",
            "repeated pair      | 10.0.0.2,t13d,57,64240,8,1460,12,0.5,0.1,HIGH       | repeats the pair (10.0.0.2, t13d) of line 2",
            "same IP respelled  | ::FFFF:10.0.0.2,t13d,57,64240,8,1460,12,0.5,0.1,HIGH | repeats the pair (10.0.0.2, t13d) of line 2",
    })
    void aBadCellOrRowIsRefusedWithItsLine(String name, String bad, String reason) throws Exception {
        Path f = fileWith(5, bad);
        Refusal r = run(f);
        assertEquals(1, r.code, name);
        assertTrue(r.err.contains(f + ": line 5 "), r.err);
        assertTrue(r.err.contains(reason), r.err);
        assertOneLineWithoutTrace(r.err);
    }

    @Test
    void theLineOfARowAfterAMultiLineCellCountsTheLinesOfTheFile() throws Exception {
        StringBuilder sb = new StringBuilder("ip,ja4,ua,hits\n");
        sb.append("1.1.1.1,a,\"first\nsecond\nthird\",3\n");   // lines 2-4
        sb.append("1.1.1.2,b,x,NaN\n");                        // line 5
        Path f = dir.resolve("multi.csv");
        Files.writeString(f, sb);
        FeatureSourceException e = assertThrows(FeatureSourceException.class,
                () -> new CsvFeatureSource(f).load(500, CancellationCheck.NEVER));
        assertTrue(e.getMessage().contains("line 5 column hits"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path plain = fileWith(2, good(2));
        byte[] body = Files.readAllBytes(plain);
        Path bom = dir.resolve("bom.csv");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(bom, withBom);
        List<FeatureRow> rows = new CsvFeatureSource(bom).load(500, CancellationCheck.NEVER);
        assertEquals(600, rows.size());
        assertEquals(new CsvFeatureSource(plain).load(500, CancellationCheck.NEVER), rows);
        assertEquals(0, run(bom).code);
    }

    @Test
    void aMissingFileAFolderAndABinaryFileAreOneLineEach() throws Exception {
        Path missing = dir.resolve("nope.csv");
        Refusal r = run(missing);
        assertEquals(1, r.code);
        assertTrue(r.err.contains(missing + " not found"), r.err);
        assertOneLineWithoutTrace(r.err);

        r = run(dir);
        assertEquals(1, r.code);
        assertTrue(r.err.contains(dir + " is a folder, not a file"), r.err);
        assertOneLineWithoutTrace(r.err);

        Path binary = dir.resolve("image.csv");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(binary, bytes);
        r = run(binary);
        assertEquals(1, r.code);
        assertTrue(r.err.contains(binary.toString()) && r.err.contains("not UTF-8 text"), r.err);
        assertOneLineWithoutTrace(r.err);

        Path nul = dir.resolve("nul.csv");
        Files.write(nul, (HEADER + "\n1.2.3.4,t\0d,57,64240,8,1460,10,0.5,0.1,HIGH\n").getBytes(StandardCharsets.UTF_8));
        r = run(nul);
        assertEquals(1, r.code);
        assertTrue(r.err.contains(nul + ": line 2 column ja4 holds a NUL byte"), r.err);
    }

    @Test
    void aFileWithoutAnIpColumnNamesTheHeader() throws Exception {
        Path f = dir.resolve("noip.csv");
        Files.writeString(f, "addr,ja4\n1.2.3.4,x\n");
        Refusal r = run(f);
        assertEquals(1, r.code);
        assertTrue(r.err.contains(f + ": line 1 (the header) has no 'ip' column"), r.err);
        assertOneLineWithoutTrace(r.err);
    }

    private record Refusal(int code, String err) {
    }

    private Refusal run(Path input) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute("cluster", "--input", input.toString(), "--k", "4", "--samples", "500",
                "--out", dir.resolve("out.json").toString());
        return new Refusal(code, err.toString());
    }

    private static void assertOneLineWithoutTrace(String err) {
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
