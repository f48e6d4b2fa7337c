package com.ja4.workstation.ui.snapshot;

import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.snapshot.SignerKey;
import com.ja4.workstation.service.snapshot.SnapshotKeyService;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state and commands of Source > Snapshot keys…, without a widget: this workstation's public
 * key (to copy or save for colleagues), the trusted keys, and importing a colleague's key file
 * (read, shown with its fingerprint, then trusted under the name the analyst confirms). File work
 * runs in background tasks; each outcome is a sentence in {@link #statusProperty}.
 */
public final class SnapshotKeysModel {

    private final SnapshotKeyService keys;
    private final Tasks tasks;
    private final ReadOnlyObjectWrapper<SignerKey> own = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SignerKey> trusted = FXCollections.observableArrayList();
    private final ObjectProperty<SignerKey> imported = new SimpleObjectProperty<>();
    private final StringProperty importName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    public SnapshotKeysModel(SnapshotKeyService keys, Tasks tasks) {
        this.keys = keys;
        this.tasks = tasks;
    }

    /** This workstation's public key (null until loaded). */
    public ReadOnlyObjectProperty<SignerKey> ownProperty() {
        return own.getReadOnlyProperty();
    }

    /** The line a colleague imports ("ja4-workstation-ed25519 KEY NAME"); "" until loaded. */
    public String ownKeyLine() {
        return own.get() == null ? "" : own.get().toLine();
    }

    public ObservableList<SignerKey> trusted() {
        return trusted;
    }

    /** A key file read and waiting for the analyst to confirm its name and trust it; null for none. */
    public ReadOnlyObjectProperty<SignerKey> importedProperty() {
        return imported;
    }

    /** The name the imported key will be trusted under (prefilled with the name in its file). */
    public StringProperty importNameProperty() {
        return importName;
    }

    /** What the last command did, or why it was refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last command was refused. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Loads the own key (made on first use) and the trusted keys. */
    public CompletableFuture<SnapshotKeyService.KeyList> load() {
        Task t = tasks.start("Reading the snapshot keys");
        return t.then(keys.list(t.scope()), this::showList, e -> fail("Cannot read the keys: ", e));
    }

    /** Writes this workstation's public key to a file for a colleague. */
    public CompletableFuture<Path> saveOwnKey(Path file) {
        Task t = tasks.start("Saving the public key to " + file.getFileName());
        return t.then(keys.saveOwnKey(file, t.scope()),
                p -> say("Public key saved to " + p + ". Tell its fingerprint " + own.get().fingerprint()
                        + " to whoever imports it, so they can check it is yours.", false),
                e -> fail("Public key not saved: ", e));
    }

    /** Reads a colleague's key file: shown with its fingerprint, to be trusted with {@link #trustImported}. */
    public CompletableFuture<SignerKey> importFile(Path file) {
        Task t = tasks.start("Reading the key file " + file.getFileName());
        return t.then(keys.read(file, t.scope()), k -> {
            imported.set(k);
            importName.set(k.name());
            say("Key read: fingerprint " + k.fingerprint() + ". Compare it with its owner (by phone, in person), then Trust.", false);
        }, e -> {
            imported.set(null);
            fail("Key not imported: ", e);
        });
    }

    /** Trusts the imported key under the name in {@link #importNameProperty}. */
    public CompletableFuture<SnapshotKeyService.KeyList> trustImported() {
        SignerKey k = imported.get();
        if (k == null) return CompletableFuture.failedFuture(new IllegalStateException("no key file read"));
        String name = importName.get() == null ? "" : importName.get();
        Task t = tasks.start("Trusting the key " + k.fingerprint());
        return t.then(keys.trust(k, name, t.scope()), list -> {
            showList(list);
            imported.set(null);
            say("Trusted '" + name.strip() + "' (" + k.fingerprint() + "): snapshots this key signs open as signed by that name.", false);
        }, e -> fail("Key not trusted: ", e));
    }

    /** Drops the key file read without trusting it. */
    public void cancelImport() {
        imported.set(null);
        say("", false);
    }

    private void showList(SnapshotKeyService.KeyList list) {
        own.set(list.own());
        trusted.setAll(list.trusted());
    }

    private void fail(String what, Throwable e) {
        say(what + QueryScope.reason(e), true);
    }

    private void say(String text, boolean bad) {
        status.set(text);
        error.set(bad);
    }
}
