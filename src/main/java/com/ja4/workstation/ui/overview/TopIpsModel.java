package com.ja4.workstation.ui.overview;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.overview.TopIp;
import com.ja4.workstation.domain.overview.TopIpRanking;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.preferences.UserPreferences;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.task.Task;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Overview's top IPs: the rows and their ranking (by detections, worst severity or worst
 * score), remembered in the user's settings so the Overview opens ranked as the analyst left it.
 * Choosing another ranking reloads the rows.
 */
public final class TopIpsModel {

    /** The settings key of the ranking. */
    public static final String SETTING = "overview.topIps.ranking";

    private final Supplier<Workspace> workspace;
    private final Supplier<TimeWindow> window;
    private final Supplier<Task> task;
    private final ObjectProperty<TopIpRanking> ranking;
    private final Loadable<List<TopIp>> rows = new Loadable<>();

    public TopIpsModel(UserPreferences settings, Supplier<Workspace> workspace, Supplier<TimeWindow> window, Supplier<Task> task) {
        this.workspace = workspace;
        this.window = window;
        this.task = task;
        ranking = new SimpleObjectProperty<>(settings.get(SETTING).flatMap(TopIpRanking::parse).orElse(TopIpRanking.DETECTIONS));
        ranking.addListener((o, a, r) -> {
            if (r == null) {
                ranking.set(a); // a ranking is always chosen
                return;
            }
            settings.put(SETTING, r.name());
            if (workspace.get() != null && window.get() != null) load();
        });
    }

    public ObjectProperty<TopIpRanking> rankingProperty() {
        return ranking;
    }

    public TopIpRanking ranking() {
        return ranking.get();
    }

    /** The rows of the current ranking: loading, content, empty or the error. */
    public Loadable<List<TopIp>> rows() {
        return rows;
    }

    /** Loads the rows for the current workspace, window and ranking. */
    public CompletableFuture<List<TopIp>> load() {
        Task t = task.get();
        return t.track(rows.load(workspace.get().overview().topIps(window.get(), ranking.get(), t.scope()), List::isEmpty, this::load));
    }

    /** The panel's title for a ranking. */
    public static String title(TopIpRanking r) {
        return switch (r) {
            case DETECTIONS -> "Top IPs by detections";
            case SEVERITY -> "Top IPs by worst threat (severity), then detections";
            case SCORE -> "Top IPs by worst anomaly score";
        };
    }
}
