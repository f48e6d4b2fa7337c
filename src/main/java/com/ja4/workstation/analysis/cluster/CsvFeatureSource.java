package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.io.InputFiles;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.ThreatLevel;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Feature rows from a CSV file with the predecessor's column names ({@link FeatureRow#COLUMNS}).
 * The file is untrusted input: every problem is refused with one sentence naming the file and the
 * line (1-based, the header is line 1), never turned into a silent 0.
 *
 * <ul>
 *   <li>UTF-8 text, an optional byte-order mark; {@code ip} is required, other columns may be absent
 *       from the header (an absent column reads as 0 for every row; extra columns are ignored).</li>
 *   <li>Every row has exactly as many values as the header has columns.</li>
 *   <li>A numeric cell must be a finite number within its column's range ({@link #RANGES}): empty,
 *       NaN, Infinity and out-of-range values are refused, {@code hits} must be a whole number.</li>
 *   <li>{@code ip} must be an IPv4 or IPv6 address, {@code threat} empty (no detection) or a threat
 *       level, and each (ip, ja4) pair may appear once.</li>
 * </ul>
 */
public final class CsvFeatureSource implements FeatureSource {

    /** What a numeric column may hold. */
    record Range(double min, double max, boolean whole) {
    }

    /** Averages of values in [0, 1] may land a rounding error outside: tolerated, nothing more. */
    private static final double SLACK = 1e-9;
    private static final Range RATIO = new Range(0, 1, false);

    /** Accepted range of each numeric column, from its meaning (a TTL is one byte, a ratio is in [0, 1]). */
    static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("ttl", new Range(0, 255, false)),
            Map.entry("win", new Range(0, 65_535, false)),
            Map.entry("scale", new Range(0, 255, false)),
            Map.entry("mss", new Range(0, 65_535, false)),
            Map.entry("hits", new Range(0, 1e12, true)),
            Map.entry("avg_score", new Range(-1, 1, false)),
            Map.entry("avg_velocity", new Range(0, 1e6, false)),
            Map.entry("avg_fuzzing", RATIO), Map.entry("pct_headless", RATIO), Map.entry("avg_post", RATIO),
            Map.entry("ip_id_zero", RATIO), Map.entry("entropy", RATIO), Map.entry("browser_score", RATIO),
            Map.entry("alpn_mismatch", RATIO), Map.entry("alpn_missing", RATIO), Map.entry("h2_eff", RATIO),
            Map.entry("hdr_conf", RATIO), Map.entry("ua_ch_mismatch", RATIO), Map.entry("asset_ratio", RATIO),
            Map.entry("direct_ratio", RATIO),
            Map.entry("ja4_count", new Range(0, 1e6, false)),
            Map.entry("ua_rotating", RATIO));

    private final Path file;

    public CsvFeatureSource(Path file) {
        this.file = file;
    }

    @Override
    public List<FeatureRow> load(int sampleSize, CancellationCheck cancel) throws FeatureSourceException {
        try {
            InputFiles.requireReadableFile(file);
        } catch (InputFiles.Unusable e) {
            throw new FeatureSourceException(e.getMessage());
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).build();
        long line = 1;
        try (Reader in = utf8WithoutBom(file);
             CSVParser parser = CSVParser.parse(in, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (!header.containsKey("ip")) {
                throw new FeatureSourceException(file + ": line 1 (the header) has no 'ip' column; expected the columns "
                        + String.join(", ", FeatureRow.COLUMNS));
            }
            int columns = parser.getHeaderNames().size();
            List<FeatureRow> rows = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            long previousEnd = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (hasNext(records, previousEnd)) {
                CSVRecord r = records.next();
                long end = parser.getCurrentLineNumber();
                line = Math.max(previousEnd + 1, end - newlinesIn(r));
                previousEnd = end;
                if ((rows.size() & 1023) == 0) cancel.throwIfCancelled();
                if (r.size() != columns) {
                    throw problem(line, "has " + r.size() + (r.size() == 1 ? " value" : " values") + " but the header has "
                            + columns + " columns");
                }
                FeatureRow row = row(r, line);
                Long first = seen.putIfAbsent(row.ip() + "|" + row.ja4(), line);
                if (first != null) {
                    throw problem(line, "repeats the pair (" + row.ip() + ", " + row.ja4() + ") of line " + first);
                }
                rows.add(row);
            }
            return rows;
        } catch (CharacterCodingException e) {
            throw new FeatureSourceException(file + ": line " + line + " is not UTF-8 text; is it a binary file?");
        } catch (BadCsv e) {
            throw new FeatureSourceException(file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // commons-csv: a repeated or empty header name
            throw new FeatureSourceException(file + ": line 1 (the header) is not valid: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new FeatureSourceException(file + ": line " + (line + 1) + " is not UTF-8 text; is it a binary file?");
            }
            throw new FeatureSourceException(file + ": cannot read it as CSV after line " + line + " ("
                    + cause.getMessage() + ")");
        }
    }

    /** The iterator's syntax errors come unchecked: turned into a refusal naming the line. */
    private boolean hasNext(Iterator<CSVRecord> records, long previousEnd) throws BadCsv {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new BadCsv("line " + (previousEnd + 1) + " is not UTF-8 text; is it a binary file?");
            }
            throw new BadCsv("line " + (previousEnd + 1) + " is not valid CSV (" + e.getCause().getMessage() + ")");
        }
    }

    /** UTF-8 that reports malformed bytes (a binary file) instead of replacing them, minus a leading BOM. */
    private static Reader utf8WithoutBom(Path file) throws IOException {
        PushbackReader in = new PushbackReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') in.unread(first);
        return in;
    }

    private static long newlinesIn(CSVRecord r) {
        long n = 0;
        for (String v : r) n += v.chars().filter(c -> c == '\n').count();
        return n;
    }

    private FeatureRow row(CSVRecord r, long line) throws BadCsv {
        String ipText = text(r, "ip", line);
        if (ipText.isEmpty()) throw problem(line, "has no ip");
        // One spelling per address (as the warehouse shows it), so ::ffff:1.2.3.4 and 1.2.3.4 are one pair
        // and a run compares with a run of the warehouse.
        String ip = ClientIp.parse(ipText).map(ClientIp::display).orElseThrow(() ->
                problem(line, "column ip: '" + shorten(ipText) + "' is not an IPv4 or IPv6 address"));
        String threatText = text(r, "threat", line);
        ThreatLevel threat = null;
        if (!threatText.isEmpty()) {
            threat = ThreatLevel.parse(threatText).orElseThrow(() -> problem(line, "column threat: '" + shorten(threatText)
                    + "' is not a threat level (" + String.join(", ", java.util.Arrays.stream(ThreatLevel.values())
                    .map(Enum::name).toList()) + ", or empty)"));
        }
        return new FeatureRow(ip, text(r, "ja4", line), num(r, "ttl", line), num(r, "win", line), num(r, "scale", line),
                num(r, "mss", line), text(r, "ua", line), (long) num(r, "hits", line), num(r, "avg_score", line),
                num(r, "avg_velocity", line), num(r, "avg_fuzzing", line), num(r, "pct_headless", line),
                num(r, "avg_post", line), num(r, "ip_id_zero", line), num(r, "entropy", line),
                num(r, "browser_score", line), num(r, "alpn_mismatch", line), num(r, "alpn_missing", line),
                num(r, "h2_eff", line), num(r, "hdr_conf", line), num(r, "ua_ch_mismatch", line),
                num(r, "asset_ratio", line), num(r, "direct_ratio", line), num(r, "ja4_count", line),
                num(r, "ua_rotating", line), threat, text(r, "country", line), text(r, "asn_org", line));
    }

    private String text(CSVRecord r, String column, long line) throws BadCsv {
        if (!r.isMapped(column)) return "";
        String v = r.get(column).trim();
        if (v.indexOf('\0') >= 0) throw problem(line, "column " + column + " holds a NUL byte; is it a binary file?");
        return v;
    }

    /** A numeric cell, or 0 when the column is absent from the header; anything else is refused. */
    private double num(CSVRecord r, String column, long line) throws BadCsv {
        if (!r.isMapped(column)) return 0.0;
        String t = text(r, column, line);
        if (t.isEmpty()) throw problem(line, "column " + column + " is empty; a number is needed");
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw problem(line, "column " + column + ": '" + shorten(t) + "' is not a number");
        }
        Range range = RANGES.get(column);
        if (!Double.isFinite(v)) throw problem(line, "column " + column + ": '" + shorten(t) + "' is not a finite number");
        double slack = range.whole() ? 0 : SLACK;
        if (v < range.min() - slack || v > range.max() + slack) {
            throw problem(line, "column " + column + ": " + shorten(t) + " is out of range (" + format(range.min())
                    + " to " + format(range.max()) + ")");
        }
        if (range.whole() && v != Math.rint(v)) {
            throw problem(line, "column " + column + ": " + shorten(t) + " is not a whole number");
        }
        return v;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** An untrusted value as a one-line refusal quotes it: at most 40 characters. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private BadCsv problem(long line, String what) {
        return new BadCsv("line " + line + " " + what);
    }

    /** A row the reader refuses; becomes a {@link FeatureSourceException} naming the file. */
    private static final class BadCsv extends Exception {
        BadCsv(String message) {
            super(message);
        }
    }
}
