package com.ja4.workstation.ui.render;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.detail.RowDetail;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.shell.LoadedView;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render --select N: the picture is taken with row N selected and its detail pane open and filled. */
class RenderSelectTest {

    @TempDir
    static Path tmp;

    @Test
    void rowNIsSelectedWithItsDetailOpenAndARowPastThePageIsRefused() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            TimeWindow w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
            ViewRenderer.Preset preset = ViewRenderer.Preset.selecting(3);
            AtomicReference<LoadedView> shown = new AtomicReference<>();
            Path out = tmp.resolve("detections-3.png");
            ViewRenderer.render(ViewId.DETECTIONS, ws, w, 1400, 900, out, preset::applyTo, v -> {
                preset.afterLoad(v);
                shown.set(v);
            });
            assertTrue(Files.size(out) > 10_000);
            FilteredTableModel<Detection> table = ((FilteredTableController) shown.get().controller()).table();
            Detection third = table.rows().get(2);
            assertSame(third, table.detail().selected());
            assertEquals(Loadable.State.CONTENT, table.detail().detail().state(), "the detail was loaded before the picture");
            RowDetail d = table.detail().detail().value().orElseThrow();
            assertEquals(third.ip(), d.row().text("src_ip"));
            assertEquals(third.detectedAt(), d.row().time("detected_at"));
            Node pane = HeadlessFx.onFx(() -> shown.get().root().lookup("#detailPane"));
            assertNotNull(pane);
            assertTrue(HeadlessFx.onFx(() -> pane.isVisible() && pane.getLayoutBounds().getWidth() > 300), "the pane is open");

            ViewRenderer.Preset past = ViewRenderer.Preset.selecting(5000);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ViewRenderer.render(ViewId.DETECTIONS, ws, w, 1400, 900, tmp.resolve("no.png"), past));
            assertTrue(e.getMessage().startsWith("--select 5000: the first page has "), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("no.png")), "nothing written");
        }
    }
}
