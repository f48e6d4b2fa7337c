package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.ThreatLevel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Feature rows from a CSV file with the predecessor's column names ({@link FeatureRow#COLUMNS}).
 * Extra columns are ignored; a missing or blank numeric value counts as 0; {@code ip} is required.
 */
public final class CsvFeatureSource implements FeatureSource {

    private final Path file;

    public CsvFeatureSource(Path file) {
        this.file = file;
    }

    @Override
    public List<FeatureRow> load(int sampleSize, CancellationCheck cancel) throws FeatureSourceException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderMap().containsKey("ip")) {
                throw new FeatureSourceException(file.getFileName() + " has no 'ip' column; expected the columns "
                        + String.join(", ", FeatureRow.COLUMNS));
            }
            List<FeatureRow> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                if ((rows.size() & 1023) == 0) cancel.throwIfCancelled();
                rows.add(row(r));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ClusteringCancelledException c) throw c;
            throw new FeatureSourceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static FeatureRow row(CSVRecord r) {
        String ip = text(r, "ip");
        if (ip.isBlank()) throw new IllegalArgumentException("line " + r.getRecordNumber() + " has no ip");
        return new FeatureRow(ip, text(r, "ja4"), num(r, "ttl"), num(r, "win"), num(r, "scale"), num(r, "mss"),
                text(r, "ua"), (long) num(r, "hits"), num(r, "avg_score"), num(r, "avg_velocity"),
                num(r, "avg_fuzzing"), num(r, "pct_headless"), num(r, "avg_post"), num(r, "ip_id_zero"),
                num(r, "entropy"), num(r, "browser_score"), num(r, "alpn_mismatch"), num(r, "alpn_missing"),
                num(r, "h2_eff"), num(r, "hdr_conf"), num(r, "ua_ch_mismatch"), num(r, "asset_ratio"),
                num(r, "direct_ratio"), num(r, "ja4_count"), num(r, "ua_rotating"),
                ThreatLevel.parse(text(r, "threat")).orElse(null), text(r, "country"), text(r, "asn_org"));
    }

    private static String text(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).trim() : "";
    }

    private static double num(CSVRecord r, String column) {
        String t = text(r, column);
        if (t.isEmpty()) return 0.0;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + r.getRecordNumber() + ", column " + column
                    + ": '" + t + "' is not a number", e);
        }
    }
}
