package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.ui.task.Tasks;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State shared by the shell and the views: the opened source, the global time window, the
 * background tasks and navigation between views.
 */
public final class AppModel {

    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>();
    private final Tasks tasks = new Tasks();
    private Consumer<TableFilter> detectionsOpener = f -> { };
    private Consumer<com.ja4.workstation.domain.table.TableFilter> scoresOpener = f -> { };
    private Consumer<ClientIp> ipOpener = ip -> { };
    private Consumer<String> ja4Opener = ja4 -> { };

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    public TimeWindow window() {
        return window.get();
    }

    public Tasks tasks() {
        return tasks;
    }

    /** Opens the Detections view filtered on the given values (set by the shell). */
    public void openDetections(TableFilter filter) {
        detectionsOpener.accept(filter);
    }

    /** Opens the Scores view filtered on the given values (set by the shell). */
    public void openScores(com.ja4.workstation.domain.table.TableFilter filter) {
        scoresOpener.accept(filter);
    }

    /** Opens (or brings forward) the IP drill-down tab of this client (set by the shell). */
    public void openIp(ClientIp ip) {
        ipOpener.accept(ip);
    }

    /** Opens the Fingerprints view with this JA4's profile ("Look up JA4"; set by the shell). */
    public void lookUpJa4(String ja4) {
        if (ja4 != null && !ja4.isBlank()) ja4Opener.accept(ja4.strip());
    }

    /** Who looks JA4s up: the shell, or a view rendered alone (render, tests). */
    public void setJa4Opener(Consumer<String> opener) {
        this.ja4Opener = opener;
    }

    /** Who opens IPs: the shell, or a view rendered alone (render, tests). */
    public void setIpOpener(Consumer<ClientIp> opener) {
        this.ipOpener = opener;
    }

    void setScoresOpener(Consumer<com.ja4.workstation.domain.table.TableFilter> opener) {
        this.scoresOpener = opener;
    }

    void setDetectionsOpener(Consumer<TableFilter> opener) {
        this.detectionsOpener = opener;
    }
}
