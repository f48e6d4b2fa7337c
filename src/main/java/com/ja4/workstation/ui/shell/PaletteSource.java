package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.SearchInput;
import com.ja4.workstation.domain.SearchSuggestion;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.shell.Shortcut.Command;
import com.ja4.workstation.ui.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The command palette's entries in the shell: every view, the window's actions (with their keys),
 * the IPs opened lately, an IP or JA4 typed in full, and the IPs and JA4s of the window containing
 * the text, looked up through the {@code SearchService} in a background task of the status bar.
 */
final class PaletteSource implements CommandPaletteModel.Source {

    private final AppModel app;
    private final WindowCommands commands;
    private final Runnable sheet;
    private final Supplier<List<PaletteEntry>> more;
    private Task lookUp;

    /**
     * @param sheet shows the shortcut sheet
     * @param more  further actions of the moment (auto-refresh choices on a live source)
     */
    PaletteSource(AppModel app, WindowCommands commands, Runnable sheet, Supplier<List<PaletteEntry>> more) {
        this.app = app;
        this.commands = commands;
        this.sheet = sheet;
        this.more = more;
    }

    @Override
    public List<PaletteEntry> fixed() {
        List<PaletteEntry> l = new ArrayList<>();
        for (ViewId v : ViewId.values()) {
            l.add(new PaletteEntry("Show " + v.title(), "View", Shortcuts.keysOf(v).orElse(""), () -> commands.showView().accept(v)));
        }
        for (ClientIp ip : app.recentIps()) l.add(new PaletteEntry("Open IP " + ip.display(), "Recent IP", "", () -> app.openIp(ip)));
        l.add(action("Search box (IP, JA4, ASN or host)", Command.SEARCH, commands.search()));
        l.add(action("Time window selector", Command.WINDOW, commands.window()));
        l.add(action("Refresh the current view", Command.REFRESH, commands.refresh()));
        l.add(action("Cancel the running work", Command.CANCEL_WORK, commands.cancelWork()));
        l.add(action("Switch to the " + Theme.mode().other().cliName() + " theme", Command.TOGGLE_THEME, commands.toggleTheme()));
        l.add(action("Keyboard shortcuts", Command.SHEET, sheet));
        l.add(new PaletteEntry("Latest: the window ends at the source's latest time", "Action", "", commands.latest()));
        l.add(new PaletteEntry("Connect to ClickHouse…", "Action", "", commands.connect()));
        l.add(new PaletteEntry("Open snapshot…", "Action", "", commands.openSnapshot()));
        l.add(new PaletteEntry("Demo data", "Action", "", commands.demo()));
        l.add(new PaletteEntry("Export snapshot…", "Action", "", commands.export()));
        l.addAll(more.get());
        return l;
    }

    private static PaletteEntry action(String title, Command c, Runnable run) {
        return new PaletteEntry(title, "Action", Shortcuts.keysOf(c).orElse(""), run);
    }

    @Override
    public List<PaletteEntry> typed(String text) {
        SearchInput in = SearchInput.parse(text);
        if (in.kind() == SearchInput.Kind.IP) {
            ClientIp ip = in.ip().orElseThrow();
            return List.of(new PaletteEntry("Open IP " + ip.display(), "IP", "", () -> app.openIp(ip)));
        }
        if (in.kind() == SearchInput.Kind.JA4) return ja4Entries(in.text(), "");
        return List.of();
    }

    private List<PaletteEntry> ja4Entries(String ja4, String figure) {
        return List.of(new PaletteEntry("Look up JA4 " + ja4 + figure, "JA4", "", () -> app.lookUpJa4(ja4)),
                new PaletteEntry("Detections with JA4 " + ja4, "JA4", "", () -> app.openDetections(TableFilter.of(TableFilter.JA4, ja4))));
    }

    @Override
    public CompletableFuture<List<PaletteEntry>> lookUp(String text) {
        cancelLookUp();
        Workspace ws = app.workspace();
        TimeWindow w = app.window();
        if (ws == null || w == null) return CompletableFuture.completedFuture(List.of());
        Task t = app.tasks().start("Looking up \"" + text + "\"");
        lookUp = t;
        CompletableFuture<List<PaletteEntry>> entries = new CompletableFuture<>();
        t.then(ws.search().suggest(text, w, t.scope()), found -> entries.complete(entries(found)), entries::completeExceptionally)
                .whenComplete((v, err) -> {
                    if (err != null && !entries.isDone()) entries.completeExceptionally(err); // cancelled
                });
        return entries;
    }

    private List<PaletteEntry> entries(List<SearchSuggestion> found) {
        List<PaletteEntry> l = new ArrayList<>();
        for (SearchSuggestion s : found) {
            String figure = " — " + Fx.count(s.scoredWindows()) + " scored window" + (s.scoredWindows() == 1 ? "" : "s");
            if (s.kind() == SearchSuggestion.Kind.IP) {
                ClientIp.parse(s.value()).ifPresent(ip -> l.add(new PaletteEntry("Open IP " + s.value() + figure, "IP", "", () -> app.openIp(ip))));
            } else {
                l.add(ja4Entries(s.value(), figure).get(0));
            }
        }
        return l;
    }

    @Override
    public void cancelLookUp() {
        if (lookUp != null) lookUp.cancel();
        lookUp = null;
    }
}
