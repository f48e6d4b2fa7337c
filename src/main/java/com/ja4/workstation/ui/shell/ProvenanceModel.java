package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.DisplayText;
import com.ja4.workstation.domain.SnapshotProvenance;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.task.Task;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The provenance part of the source indicator, without a widget: who made the opened snapshot
 * (signed by a trusted key, by an unknown key, unsigned, the demo), what that means, and the
 * "Trust this key…" command, which stores the key under the name the analyst gives and checks the
 * signature again so the indicator turns trusted. Empty on a live source.
 */
public final class ProvenanceModel {

    private final AppModel app;
    private final Consumer<String> status;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper style = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canTrust = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper suggestedName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private SnapshotProvenance shown;

    ProvenanceModel(AppModel app, Consumer<String> status) {
        this.app = app;
        this.status = status;
    }

    /** Short, beside the source: "✓ signed by Alice", "⚠ unknown signer 1a2b 3c4d…", "unsigned", "demo data"; "" on a live source. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** "provenance-trusted", "provenance-unknown", "provenance-unsigned", "provenance-demo", or "" (live). */
    public ReadOnlyStringProperty styleProperty() {
        return style.getReadOnlyProperty();
    }

    /** The tooltip: the verdict's headline, what it means, the key's fingerprint and the name it claims. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** "Trust this key…" applies (a valid signature by a key this workstation does not know). */
    public ReadOnlyBooleanProperty canTrustProperty() {
        return canTrust.getReadOnlyProperty();
    }

    /** The name "Trust this key…" proposes: the one the signer wrote in the file. */
    public ReadOnlyStringProperty suggestedNameProperty() {
        return suggestedName.getReadOnlyProperty();
    }

    /** The signing key's fingerprint, to compare with its owner before trusting it ("" when unsigned). */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    /** Why the last "Trust this key…" was refused; "" when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The verdict shown (empty on a live source). */
    public Optional<SnapshotProvenance> provenance() {
        return Optional.ofNullable(shown);
    }

    void show(Optional<SnapshotProvenance> p) {
        shown = p.orElse(null);
        problem.set("");
        if (shown == null) {
            text.set("");
            style.set("");
            details.set("");
            canTrust.set(false);
            suggestedName.set("");
            fingerprint.set("");
            return;
        }
        text.set(switch (shown.kind()) {
            case TRUSTED_KEY -> "✓ signed by " + DisplayText.of(shown.signerName(), 40);
            case UNKNOWN_KEY -> "⚠ unknown signer " + shortFingerprint(shown.fingerprint());
            case UNSIGNED -> "unsigned";
            case DEMO -> "demo data";
            case NOT_VERIFIED -> "not verified";
        });
        style.set(switch (shown.kind()) {
            case TRUSTED_KEY -> "provenance-trusted";
            case UNKNOWN_KEY -> "provenance-unknown";
            case DEMO -> "provenance-demo";
            default -> "provenance-unsigned";
        });
        StringBuilder d = new StringBuilder(shown.headline()).append("\n").append(shown.explanation());
        if (!shown.fingerprint().isEmpty()) d.append("\nKey fingerprint: ").append(shown.fingerprint());
        if (!shown.claimedName().isEmpty()) d.append("\nName written by the signer: ").append(DisplayText.of(shown.claimedName(), 80));
        if (shown.canTrustKey()) d.append("\nSource > Trust this key… once you have compared the fingerprint with its owner.");
        details.set(com.ja4.workstation.ui.common.SafeText.lines(d)); // the headline may quote the name the signer wrote
        canTrust.set(shown.canTrustKey());
        // the key's claimed name, if it is one the key list accepts; the analyst may change it
        suggestedName.set(DisplayText.isPlain(shown.claimedName()) ? shown.claimedName().strip() : "");
        fingerprint.set(shown.fingerprint());
    }

    /**
     * Trusts the snapshot's signing key under {@code name}, in the background; on success the
     * indicator says "signed by NAME". A refusal (name taken, bad name) sets {@link #problemProperty}.
     */
    public CompletableFuture<SnapshotProvenance> trust(String name) {
        Workspace ws = app.workspace();
        if (ws == null || !canTrust.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no snapshot signed by an unknown key is open"));
        }
        problem.set("");
        Task task = app.tasks().start("Trusting the snapshot's signing key");
        return task.then(ws.session().trustSigner(name == null ? "" : name, task.scope()), p -> {
            if (app.workspace() == ws) show(Optional.of(p));
            status.accept("Key " + p.fingerprint() + " trusted as " + DisplayText.of(p.signerName(), 80)
                    + ": snapshots it signs now show as signed by that name.");
        }, err -> {
            String why = "Key not trusted: " + QueryScope.reason(err);
            problem.set(why);
            status.accept(why);
        });
    }

    /** The first three groups of a fingerprint, enough to tell keys apart at a glance. */
    static String shortFingerprint(String fp) {
        String[] groups = fp.split(" ");
        return groups.length <= 3 ? fp : String.join(" ", groups[0], groups[1], groups[2]) + "…";
    }
}
