package com.ja4.workstation.ui.common;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything running in the background that the status bar lists: view loads, exports, runs.
 * Each entry can be cancelled from the status bar.
 */
public final class BackgroundTasks {

    private static final AtomicLong IDS = new AtomicLong();
    private final ObservableList<Entry> running = FXCollections.observableArrayList();

    public ObservableList<Entry> running() {
        return running;
    }

    /** Registers work; call {@link Entry#done()} when it ends. Safe from any thread. */
    public Entry start(String name, Runnable cancel) {
        Entry e = new Entry(IDS.incrementAndGet(), name, cancel);
        onFx(() -> running.add(e));
        return e;
    }

    public void cancelAll() {
        for (Entry e : running.toArray(new Entry[0])) e.cancel();
    }

    private void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    public final class Entry {
        private final long id;
        private final StringProperty name = new SimpleStringProperty();
        private final DoubleProperty progress = new SimpleDoubleProperty(-1);
        private final Runnable cancel;

        Entry(long id, String name, Runnable cancel) {
            this.id = id;
            this.name.set(name);
            this.cancel = cancel;
        }

        public long id() {
            return id;
        }

        public StringProperty nameProperty() {
            return name;
        }

        public DoubleProperty progressProperty() {
            return progress;
        }

        /** Progress in [0,1], or -1 when unknown. */
        public void progress(double p) {
            onFx(() -> progress.set(p));
        }

        public void cancel() {
            if (cancel != null) cancel.run();
            done();
        }

        public void done() {
            onFx(() -> running.remove(this));
        }
    }
}
