package com.ja4.workstation.ui.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the command palette (Ctrl+K), without a widget: what is typed, the entries that
 * match it and the chosen one. Views, actions and recent IPs are matched at once (fuzzy); an IP or
 * JA4 typed in full is offered at once too; anything of three characters or more is also looked up
 * in the window (IPs and JA4s containing it) through the {@link Source}, in the background: each
 * keystroke cancels the previous look-up, and the JavaFX thread never waits for one.
 */
public final class CommandPaletteModel {

    /** Entries shown at most. */
    public static final int MAX_RESULTS = 50;
    /** Characters typed before the window is searched for IPs and JA4s. */
    public static final int LOOKUP_FROM = 3;

    /** Where the entries come from (the shell). */
    public interface Source {
        /** Views, actions and recent IPs: matched by the palette as the analyst types. */
        List<PaletteEntry> fixed();

        /** What the text is on its own (an IP or a JA4 typed in full), first in the list. */
        List<PaletteEntry> typed(String text);

        /** IPs and JA4s of the window containing the text, in the background; a new call cancels the previous one. */
        CompletableFuture<List<PaletteEntry>> lookUp(String text);

        /** Stops a running look-up (the palette closed). */
        void cancelLookUp();
    }

    private final Source source;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<PaletteEntry> results = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private List<PaletteEntry> found = List.of();
    private CompletableFuture<List<PaletteEntry>> lookUp = CompletableFuture.completedFuture(List.of());

    public CommandPaletteModel(Source source) {
        this.source = source;
        query.addListener((o, a, q) -> queryChanged(q));
    }

    /** What is typed. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The matching entries, best first. */
    public ObservableList<PaletteEntry> results() {
        return results;
    }

    /** The chosen entry's index in {@link #results()}, -1 when none. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** "Looking up …", "No IP or JA4 in the window contains …", the reason a look-up failed; "" otherwise. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The running (or last) look-up of the window, for tests and the view. */
    public CompletableFuture<List<PaletteEntry>> lookUp() {
        return lookUp;
    }

    /** The palette opens: empty text, every view and action. */
    public void open() {
        query.set("");
        queryChanged("");
    }

    /** The palette closes: a look-up still running stops. */
    public void close() {
        source.cancelLookUp();
        found = List.of();
    }

    public void next() {
        if (!results.isEmpty()) selected.set(Math.min(results.size() - 1, selected.get() + 1));
    }

    public void previous() {
        if (!results.isEmpty()) selected.set(Math.max(0, selected.get() - 1));
    }

    /** Runs the chosen entry; false when there is none (the palette then stays open). */
    public boolean runSelected() {
        int i = selected.get();
        if (i < 0 || i >= results.size()) return false;
        PaletteEntry e = results.get(i);
        close();
        e.run().run();
        return true;
    }

    private void queryChanged(String q) {
        String text = q == null ? "" : q.strip();
        found = List.of();
        source.cancelLookUp();
        show(text);
        if (text.length() >= LOOKUP_FROM && source.typed(text).isEmpty()) {
            note.set("Looking up \"" + text + "\" in the window…");
            CompletableFuture<List<PaletteEntry>> f = source.lookUp(text);
            lookUp = f;
            f.whenComplete((entries, err) -> {
                if (f != lookUp || !text.equals(query.get().strip())) return; // typed on meanwhile
                if (err != null) {
                    if (com.ja4.workstation.service.query.QueryScope.isCancellation(err)) return;
                    note.set("Look-up failed: " + com.ja4.workstation.service.query.QueryScope.reason(err));
                    return;
                }
                found = entries;
                note.set(entries.isEmpty() ? "No IP or JA4 in the window contains \"" + text + "\"" : "");
                show(text);
            });
        } else {
            lookUp = CompletableFuture.completedFuture(List.of());
            note.set("");
        }
    }

    private void show(String text) {
        record Scored(PaletteEntry e, int score, int order) {
        }
        List<Scored> matched = new ArrayList<>();
        List<PaletteEntry> fixed = source.fixed();
        for (int i = 0; i < fixed.size(); i++) {
            OptionalInt s = FuzzyMatch.score(text, fixed.get(i).title());
            if (s.isPresent()) matched.add(new Scored(fixed.get(i), s.getAsInt(), i));
        }
        matched.sort(Comparator.comparingInt((Scored s) -> -s.score()).thenComparingInt(Scored::order));
        List<PaletteEntry> all = new ArrayList<>(source.typed(text));
        matched.forEach(s -> all.add(s.e()));
        all.addAll(found);
        results.setAll(all.size() > MAX_RESULTS ? all.subList(0, MAX_RESULTS) : all);
        selected.set(results.isEmpty() ? -1 : 0);
    }
}
