package com.ja4.workstation.ui.table;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.render.HeadlessFx;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The demo snapshot opened for the table view-model tests: its last 24 h, and a task to load into. */
final class DemoTables implements AutoCloseable {

    final Workspace ws;
    final TimeWindow window;
    private final Tasks tasks = new Tasks();
    private final Task task;

    private DemoTables(String taskTitle) throws Exception {
        HeadlessFx.start();
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        window = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
        task = tasks.start(taskTitle);
    }

    static DemoTables open(String taskTitle) throws Exception {
        return new DemoTables(taskTitle);
    }

    /** A fresh table view model, as a view would hold it, over this workspace and window. */
    <R> FilteredTableModel<R> model(TableDefinition<R> def) {
        return new FilteredTableModel<>(def, () -> ws, () -> window, () -> task, tasks);
    }

    /** Waits for a model's query and for the JavaFX thread to have published its rows. */
    static void await(CompletableFuture<?> f) throws Exception {
        f.get(60, TimeUnit.SECONDS);
        HeadlessFx.onFx(() -> null);
    }

    /** The task the models load into; idle once every query they started has finished. */
    Task task() {
        return task;
    }

    @Override
    public void close() {
        ws.close();
    }
}
