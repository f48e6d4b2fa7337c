package com.ja4.workstation.service;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.export.CsvExporter;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExporterTest {

    @TempDir
    Path tmp;

    @Test
    void exportsTheWholeFilteredResultNotJustAPage() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            TimeWindow w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
            TableFilter f = TableFilter.of(TableFilter.THREAT, "HIGH");
            long expected = ws.detections().count(w, f, QueryContext.create());
            assertTrue(expected > 100, "more rows than one page");
            Path out = tmp.resolve("high.csv");
            long[] lastProgress = {0};
            long n = CsvExporter.export(ws.detections().table(), w, f, SortOrder.descending("anomaly_score"), out, p -> lastProgress[0] = p, QueryContext.create());
            assertEquals(expected, n);
            assertEquals(expected, lastProgress[0]);
            try (Reader r = Files.newBufferedReader(out)) {
                List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
                assertEquals(expected, rows.size());
                assertTrue(rows.stream().allMatch(x -> x.get("threat_level").equals("HIGH")));
                assertTrue(Double.parseDouble(rows.get(0).get("anomaly_score")) >= Double.parseDouble(rows.get(rows.size() - 1).get("anomaly_score")));
            }
        }
    }

    @Test
    void aCancelledExportLeavesNoFile() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            TimeWindow w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
            Path out = tmp.resolve("cancelled.csv");
            QueryContext ctx = QueryContext.create();
            assertThrows(QueryCancelledException.class, () -> CsvExporter.export(ws.detections().table(), w, TableFilter.NONE,
                    SortOrder.descending("detected_at"), out, p -> { if (p >= 1000) ctx.cancel(); }, ctx));
            assertFalse(Files.exists(out));
            try (var files = Files.list(tmp)) {
                assertEquals(0, files.count(), "no partial file left behind");
            }
        }
    }

    /** Each exported row carries the OS verdict the table shows for it, across lookup batches. */
    @Test
    void theCsvHasTheOsColumnOfTheTable() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            TimeWindow w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
            SortOrder sort = SortOrder.descending("anomaly_score");
            Path out = tmp.resolve("all.csv");
            long n = CsvExporter.export(ws.detections().table(), w, TableFilter.NONE, sort, out, p -> { }, QueryContext.create());
            assertTrue(n > 1000, "more rows than one lookup batch: " + n);
            List<CSVRecord> rows;
            try (Reader r = Files.newBufferedReader(out)) {
                rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
            }
            assertEquals("os", rows.get(0).getParser().getHeaderNames().get(rows.get(0).getParser().getHeaderNames().size() - 1));
            // rows 1000-1099 of the CSV (second batch) against the same rows as the table pages them
            var page = ws.detections().page(w, TableFilter.NONE, sort, 1000, 100, QueryContext.create());
            for (int i = 0; i < page.size(); i++) {
                CSVRecord rec = rows.get(1000 + i);
                assertEquals(page.get(i).ip(), rec.get("src_ip"));
                assertEquals(page.get(i).os(), rec.get("os"), "row " + (1000 + i));
            }
            assertTrue(rows.stream().anyMatch(r -> !r.get("os").isEmpty()), "some rows have an OS verdict");
        }
    }
}
