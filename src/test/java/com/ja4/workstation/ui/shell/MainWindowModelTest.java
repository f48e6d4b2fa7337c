package com.ja4.workstation.ui.shell;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.render.HeadlessFx;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The main window's state without its widgets: source indicator, window selector, as-of, search refusals. */
class MainWindowModelTest {

    static Workspace ws;

    @BeforeAll
    static void open() throws Exception {
        HeadlessFx.start();
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void aSnapshotOpensOnItsCaptureAndTheSelectorReadsItsLength() {
        HeadlessFx.onFx(() -> {
            AppModel app = new AppModel();
            MainWindowModel m = new MainWindowModel(app);
            app.workspaceProperty().set(ws);
            m.sourceChanged(ws);
            assertTrue(m.openWindowOf(ws));
            assertFalse(m.openWindowOf(ws), "the same window: nothing to change");
            assertEquals(new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24)), app.window());
            assertEquals("24 h", m.windowTextProperty().get());
            assertTrue(m.sourceTextProperty().get().startsWith("● snapshot (read-only): "), m.sourceTextProperty().get());
            assertEquals("source-snapshot", m.sourceStyleProperty().get());
            assertTrue(m.sourceDetailsProperty().get().contains("window 24 h"), m.sourceDetailsProperty().get());
            assertFalse(m.exportEnabledProperty().get(), "export needs a live source");
            return null;
        });
    }

    @Test
    void aTypedLengthAppliesOrIsRefusedWithTheReason() {
        HeadlessFx.onFx(() -> {
            AppModel app = new AppModel();
            MainWindowModel m = new MainWindowModel(app);
            app.workspaceProperty().set(ws);
            m.openWindowOf(ws);
            TimeWindow before = app.window();

            m.applyWindowText("abc");
            assertTrue(m.windowProblemProperty().get().contains("\"abc\" is not a window length"), m.windowProblemProperty().get());
            assertTrue(m.windowProblemProperty().get().endsWith("The window stays 24 h."));
            assertEquals(before, app.window(), "refused: the window stays");
            assertEquals(m.windowProblemProperty().get(), m.statusProperty().get());

            m.windowTextProperty().set("12");
            assertEquals("", m.windowProblemProperty().get(), "typing again clears the refusal");
            m.applyWindowText("12h");
            assertEquals(Duration.ofHours(12), app.window().length());
            assertEquals(before.asOf(), app.window().asOf(), "the as-of stays");
            assertEquals("12 h", m.windowTextProperty().get());

            m.leaveWindowText("400d");
            assertEquals("12 h", m.windowTextProperty().get(), "leaving with a bad entry puts the length back");
            assertTrue(m.statusProperty().get().contains("at most 365 days"), m.statusProperty().get());

            m.applyAsOf("yesterday");
            assertTrue(m.asOfInvalidProperty().get());
            m.applyAsOf("2026-11-20 06:00");
            assertFalse(m.asOfInvalidProperty().get());
            assertEquals("2026-11-20 06:00", m.asOfTextProperty().get());
            return null;
        });
    }

    @Test
    void aMalformedIpIsRefusedWithoutATask() {
        HeadlessFx.onFx(() -> {
            AppModel app = new AppModel();
            MainWindowModel m = new MainWindowModel(app);
            app.workspaceProperty().set(ws);
            m.openWindowOf(ws);
            m.search("1.2.3.999");
            assertTrue(m.searchProblemProperty().get().contains("not a valid IPv4 or IPv6 address"), m.searchProblemProperty().get());
            assertTrue(app.tasks().running().isEmpty(), "no query");
            m.clearSearchProblem();
            assertEquals("", m.searchProblemProperty().get());
            return null;
        });
    }
}
