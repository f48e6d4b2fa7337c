package com.ja4.workstation.service;

import static com.ja4.workstation.testing.HostileSnapshot.TEXTS;
import static com.ja4.workstation.testing.HostileSnapshot.rows;
import static com.ja4.workstation.testing.HostileSnapshot.text;
import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.table.TableService;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.export.CsvCells;
import com.ja4.workstation.service.export.CsvExporter;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.HostileSnapshot;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus through the data layer: every exact filter and every search of the analyst
 * tables treats SQL, LIKE wildcards, backslashes, NUL, bidi controls, emoji, formulas and a 100 KB
 * value literally (counts compared with the rows as written), values come back unchanged, and the
 * CSV export neutralises formulas without losing anything else.
 */
class HostileCorpusTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static final TimeWindow DAY = new TimeWindow(HostileSnapshot.AS_OF, Duration.ofHours(24));
    static final QueryContext CTX = QueryContext.create();

    @BeforeAll
    static void open() throws Exception {
        Path file = dir.resolve("hostile.duckdb");
        HostileSnapshot.write(file);
        ws = SnapshotOpener.open(file);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    private static int col(Table t, String column) {
        return t.columnNames().indexOf(column);
    }

    /** Rows (0-based) of the corpus matching a predicate on the row number. */
    private static long expected(IntPredicate row) {
        long n = 0;
        for (int r = 0; r < rows(); r++) if (row.test(r)) n++;
        return n;
    }

    private static void exactFiltersMatchLiterally(TableService<?> table, Table t, String column) throws Exception {
        int c = col(t, column);
        for (String v : TEXTS) {
            if (v.isBlank()) continue; // blank means "any"
            long n = table.count(DAY, TableFilter.of(column, v), CTX);
            assertEquals(expected(r -> text(r, c).equals(v)), n, t.name() + "." + column + " = " + printable(v));
        }
    }

    @Test
    void detectionsFilterEveryHostileValueExactly() throws Exception {
        Table t = WarehouseSchema.DETECTED_ANOMALIES_TABLE;
        for (String column : List.of(TableFilter.THREAT, TableFilter.ASN_ORG, TableFilter.COUNTRY, TableFilter.JA4,
                TableFilter.BOT, TableFilter.BROWSER)) {
            exactFiltersMatchLiterally(ws.detections(), t, column);
        }
    }

    @Test
    void scoresAndTrafficFilterEveryHostileValueExactly() throws Exception {
        Table s = WarehouseSchema.ALL_SCORES_TABLE;
        for (String column : List.of(TableFilter.ASN_ORG, TableFilter.JA4, TableFilter.BROWSER, TableFilter.THREAT)) {
            exactFiltersMatchLiterally(ws.scores(), s, column);
        }
        Table h = WarehouseSchema.HTTP_LOGS_TABLE;
        for (String column : List.of(TableFilter.HOST, TableFilter.METHOD, TableFilter.HTTP_VERSION)) {
            exactFiltersMatchLiterally(ws.traffic(), h, column);
        }
    }

    @Test
    void searchMatchesHostileTextAsALiteralSubstring() throws Exception {
        Table d = WarehouseSchema.DETECTED_ANOMALIES_TABLE;
        Table s = WarehouseSchema.ALL_SCORES_TABLE;
        Table h = WarehouseSchema.HTTP_LOGS_TABLE;
        for (String v : TEXTS) {
            String typed = v.strip(); // the search box trims what is typed
            if (typed.isEmpty()) continue;
            long detections = ws.detections().count(DAY, TableFilter.of(TableFilter.SEARCH, v), CTX);
            assertEquals(expected(r -> HostileSnapshot.ipv4(r).contains(typed) || text(r, col(d, "host")).contains(typed)),
                    detections, "detections search " + printable(v));
            long scores = ws.scores().count(DAY, TableFilter.of(TableFilter.SEARCH, v), CTX);
            assertEquals(expected(r -> HostileSnapshot.ipv4(r).contains(typed) || text(r, col(s, "host")).contains(typed)),
                    scores, "scores search " + printable(v));
            long traffic = ws.traffic().count(DAY, TableFilter.of(TableFilter.SEARCH, v), CTX);
            assertEquals(expected(r -> HostileSnapshot.ipv4(r).contains(typed) || text(r, col(h, "path")).contains(typed)
                    || text(r, col(h, "header_user_agent")).contains(typed)), traffic, "traffic search " + printable(v));
        }
        assertTrue(ws.detections().count(DAY, TableFilter.of(TableFilter.SEARCH, "%"), CTX) < rows(), "% is not a wildcard");
        assertTrue(ws.detections().count(DAY, TableFilter.of(TableFilter.SEARCH, "_"), CTX) < rows(), "_ is not a wildcard");
    }

    @Test
    void valuesAndFacetsComeBackExactlyAsWritten() throws Exception {
        Table t = WarehouseSchema.DETECTED_ANOMALIES_TABLE;
        List<Detection> page = ws.detections().page(DAY, TableFilter.NONE, SortOrder.descending("detected_at"), 0, 100, CTX);
        assertEquals(rows(), page.size());
        for (int r = 0; r < rows(); r++) { // newest first: row r is 10 (r + 1) minutes before the as-of
            Detection x = page.get(r);
            assertEquals(text(r, col(t, "host")), x.host(), "host of row " + r);
            assertEquals(text(r, col(t, "ja4")), x.ja4(), "ja4 of row " + r);
            assertEquals(text(r, col(t, "asn_org")), x.asnOrg(), "asn_org of row " + r);
        }
        List<String> facet = ws.detections().facet(DAY, "asn_org", 100, CTX);
        assertEquals(new HashSet<>(TEXTS.stream().filter(v -> !v.isEmpty()).toList()), new HashSet<>(facet));
    }

    @Test
    void theCsvExportNeutralisesFormulasAndKeepsEverythingElse() throws Exception {
        Table t = WarehouseSchema.DETECTED_ANOMALIES_TABLE;
        Path out = dir.resolve("detections.csv");
        long n = CsvExporter.export(ws.detections().table(), DAY, TableFilter.NONE, SortOrder.descending("detected_at"), out, p -> { }, CTX);
        assertEquals(rows(), n);
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(out)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        assertEquals(rows(), records.size(), "line breaks and quotes inside values do not split or merge rows");
        for (int r = 0; r < rows(); r++) {
            for (String c : List.of("ja4", "host", "model_name", "threat_level", "campaign_id", "asn_org", "country_code", "bot_name",
                    "browser_family")) {
                String cell = records.get(r).get(c);
                assertEquals(CsvCells.safe(text(r, col(t, c))), cell, c + " of row " + r);
                if (!cell.isEmpty()) {
                    char first = cell.charAt(0);
                    assertFalse(first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                            || first == '-' && !cell.matches("-[0-9.eE+-]+"), "a spreadsheet would run: " + printable(cell));
                }
            }
            assertEquals(Double.toString(records.get(r).get("anomaly_score").isEmpty() ? 0 : Double.parseDouble(records.get(r).get("anomaly_score"))),
                    Double.toString((r % 10) / 10.0), "numbers stay numbers");
        }
    }

    private static String printable(String v) {
        return com.ja4.workstation.domain.DisplayText.of(v, 60);
    }
}
