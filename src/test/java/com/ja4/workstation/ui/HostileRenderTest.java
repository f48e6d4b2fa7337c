package com.ja4.workstation.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.HostileSnapshot;
import com.ja4.workstation.ui.render.ViewRenderer;
import com.ja4.workstation.ui.shell.ViewId;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile text cannot stall the window (issue 12): every view renders the hostile corpus (100 KB
 * values with a right-to-left override, bidi isolates, NUL, emoji in every text column) in a time
 * comparable to the demo, whose tables hold a hundred times more rows. Before text was bounded, one
 * 50k-character path took the IP view from 9 s to 63 s; the ratio is printed, and a view more than
 * three times slower than on the demo (plus a few seconds of slack for a busy machine) fails.
 */
class HostileRenderTest {

    @TempDir
    static Path tmp;

    @Test
    void everyViewRendersTheHostileCorpusInTheDemosTime() throws Exception {
        Path file = tmp.resolve("hostile.duckdb");
        HostileSnapshot.write(file);
        try (Workspace demo = SnapshotOpener.open(DemoSnapshots.defaultDemo()); Workspace hostile = SnapshotOpener.open(file)) {
            TimeWindow demoWindow = new TimeWindow(demo.session().latestAsOf(), Duration.ofHours(24));
            TimeWindow hostileWindow = new TimeWindow(HostileSnapshot.AS_OF, Duration.ofHours(24));
            Detection top = demo.detections().page(demoWindow, TableFilter.NONE, SortOrder.descending("anomaly_score"), 0, 1,
                    QueryContext.create()).get(0);
            // the client whose HTTP-log path is the 100 KB value with U+202E in its middle
            int pathColumn = WarehouseSchema.HTTP_LOGS_TABLE.columnNames().indexOf("path");
            int row = Math.floorMod(HostileSnapshot.TEXTS.indexOf(HostileSnapshot.LONG) - pathColumn, HostileSnapshot.rows());
            assertEquals(HostileSnapshot.LONG, HostileSnapshot.text(row, pathColumn));
            ClientIp hostileIp = ClientIp.parse(HostileSnapshot.ipv4(row)).orElseThrow();

            render(ViewId.OVERVIEW, demo, demoWindow, ViewRenderer.Preset.NONE, "warm-up"); // JIT and CSS, outside the figures
            long demoTotal = 0;
            long hostileTotal = 0;
            StringBuilder failures = new StringBuilder();
            for (ViewId id : ViewId.values()) {
                ViewRenderer.Preset demoPreset = preset(id, ClientIp.parse(top.ip()).orElseThrow(), top.ja4());
                ViewRenderer.Preset hostilePreset = preset(id, hostileIp, HostileSnapshot.LONG);
                long d = render(id, demo, demoWindow, demoPreset, "demo");
                long h = render(id, hostile, hostileWindow, hostilePreset, "hostile");
                demoTotal += d;
                hostileTotal += h;
                System.out.printf("hostile render %-12s demo %6d ms  hostile %6d ms  ratio %.2f%n", id.cliName(), d, h, (double) h / d);
                if (h > 3 * d + 5_000) failures.append(id.cliName()).append(": ").append(h).append(" ms vs ").append(d).append(" ms; ");
            }
            System.out.printf("hostile render all views: demo %d ms, hostile %d ms, ratio %.2f%n", demoTotal, hostileTotal,
                    (double) hostileTotal / demoTotal);
            assertEquals("", failures.toString(), "views much slower on hostile text");
        }
    }

    private static ViewRenderer.Preset preset(ViewId id, ClientIp ip, String ja4) {
        return switch (id) {
            case IP -> new ViewRenderer.Preset(ip, null);
            case FINGERPRINTS -> new ViewRenderer.Preset(null, ja4);
            default -> ViewRenderer.Preset.NONE;
        };
    }

    private static long render(ViewId id, Workspace ws, TimeWindow w, ViewRenderer.Preset preset, String what) throws Exception {
        long t0 = System.nanoTime();
        ViewRenderer.render(id, ws, w, 1400, 900, tmp.resolve(id.cliName() + "-" + what + ".png"), preset);
        return Math.max(1, (System.nanoTime() - t0) / 1_000_000);
    }
}
