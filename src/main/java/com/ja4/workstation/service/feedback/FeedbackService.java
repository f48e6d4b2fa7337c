package com.ja4.workstation.service.feedback;

import com.ja4.workstation.data.feedback.FeedbackQueries;
import com.ja4.workstation.data.feedback.Outbox;
import com.ja4.workstation.data.feedback.OutboxEntry;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.feedback.Classification;
import com.ja4.workstation.domain.feedback.FeedbackEntry;
import com.ja4.workstation.service.query.QueryScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Analyst classifications. On a live source they go to soc_feedback (created if absent); on a
 * snapshot (read-only, possibly offline) to the local outbox, shown as pending until a sync writes
 * them. Reading merges soc_feedback rows with pending outbox entries.
 */
public final class FeedbackService {

    public static final int HISTORY_LIMIT = 200;

    private final FeedbackQueries queries;
    private final boolean snapshot;
    private final Supplier<Outbox> outbox;
    private volatile boolean tableEnsured;

    public FeedbackService(Warehouse wh, boolean snapshot, Supplier<Outbox> outbox) {
        this.queries = new FeedbackQueries(wh);
        this.snapshot = snapshot;
        this.outbox = outbox;
    }

    /** True when classifications go to the outbox rather than to the source. */
    public boolean writesToOutbox() {
        return snapshot;
    }

    /** The analyst name recorded with a classification by default: the OS user. */
    public static String defaultAnalyst() {
        String u = System.getProperty("user.name", "");
        return u == null || u.isBlank() ? "analyst" : u;
    }

    /** Checks the form; returns the reason it cannot be saved, or null when it can. */
    public static String problem(String classification, String comment, String analyst) {
        if (Classification.parse(classification).isEmpty()) return "Choose bot, suspicious or legitimate.";
        if (comment != null && comment.length() > Classification.MAX_COMMENT) {
            return String.format(Locale.ROOT, "The comment is %d characters; at most %d are kept. Shorten it.",
                    comment.length(), Classification.MAX_COMMENT);
        }
        if (analyst == null || analyst.isBlank()) return "The analyst name is empty.";
        return null;
    }

    public FeedbackEntry classify(ClientIp ip, String classification, String comment, String analyst, QueryContext ctx)
            throws WarehouseException {
        String why = problem(classification, comment, analyst);
        if (why != null) throw new IllegalArgumentException(why);
        Classification c = Classification.parse(classification).orElseThrow();
        String text = comment == null ? "" : comment.strip();
        if (snapshot) {
            try {
                return outbox.get().add(ip, c, text, analyst.strip(), Instant.now()).asFeedback();
            } catch (Outbox.OutboxException e) {
                throw new WarehouseException(e.getMessage(), e);
            }
        }
        ensureTable(ctx);
        return queries.insert(ip, c, text, analyst.strip(), "live", Instant.now(), ctx);
    }

    /** This client's classifications (written and pending), newest first. */
    public List<FeedbackEntry> history(ClientIp ip, QueryContext ctx) throws WarehouseException {
        if (!snapshot) ensureTable(ctx);
        List<FeedbackEntry> out = new ArrayList<>(queries.history(ip, HISTORY_LIMIT, ctx));
        try {
            outbox.get().pendingFor(ip).stream().map(OutboxEntry::asFeedback).forEach(out::add);
        } catch (Outbox.OutboxException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** Recent classifications (written and pending), newest first, filtered on classification and IP text. */
    public List<FeedbackEntry> recent(String classification, String ipText, int limit, QueryContext ctx) throws WarehouseException {
        if (!snapshot) ensureTable(ctx);
        List<FeedbackEntry> out = new ArrayList<>(queries.recent(classification, ipText, limit, ctx));
        try {
            for (OutboxEntry e : outbox.get().pending()) {
                boolean cls = classification == null || classification.isBlank() || e.classification().equals(classification.strip());
                boolean ip = ipText == null || ipText.isBlank() || e.ip().contains(ipText.strip());
                if (cls && ip) out.add(e.asFeedback());
            }
        } catch (Outbox.OutboxException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
        out.sort(NEWEST_FIRST);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Saves a classification on the scope's pool (see {@link #classify(ClientIp, String, String, String, QueryContext)}). */
    public CompletableFuture<FeedbackEntry> classify(ClientIp ip, String classification, String comment, String analyst,
                                                     QueryScope scope) {
        return scope.submit(ctx -> classify(ip, classification, comment, analyst, ctx));
    }

    /** This client's classifications on the scope's pool, newest first. */
    public CompletableFuture<List<FeedbackEntry>> history(ClientIp ip, QueryScope scope) {
        return scope.submit(ctx -> history(ip, ctx));
    }

    /** Recent classifications on the scope's pool, newest first. */
    public CompletableFuture<List<FeedbackEntry>> recent(String classification, String ipText, int limit, QueryScope scope) {
        return scope.submit(ctx -> recent(classification, ipText, limit, ctx));
    }

    private void ensureTable(QueryContext ctx) throws WarehouseException {
        if (tableEnsured) return;
        queries.ensureTable(ctx);
        tableEnsured = true;
    }

    private static final Comparator<FeedbackEntry> NEWEST_FIRST = Comparator.comparing(FeedbackEntry::createdAt).reversed()
            .thenComparing(FeedbackEntry::pending, Comparator.reverseOrder()).thenComparing(FeedbackEntry::id);
}
