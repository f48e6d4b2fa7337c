package com.ja4.workstation.service.source;

import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoModels;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.demo.DemoSummary;
import com.ja4.workstation.data.snapshot.Provenance;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.snapshot.SnapshotException;
import com.ja4.workstation.domain.AppVersion;
import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.analytics.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the workstation gets its data: a snapshot file, or the demo snapshot made on first start. */
public final class SourceOpening {

    private SourceOpening() {
    }

    public static Workspace openSnapshot(Path file) throws Exception {
        return SnapshotOpener.open(file);
    }

    /**
     * Opens the demo snapshot in the data folder, generating it when it is missing, damaged, or made
     * by another version of the workstation (whose generator may differ): the demo is ours to remake,
     * unlike a snapshot the analyst opens. It goes through the same checks as any snapshot
     * ({@link SnapshotVerifier}); its provenance says it is the demo. A demo this run generated is
     * remembered as verified, so later starts check it with one pass over its bytes.
     */
    public static Workspace openDemo() throws Exception {
        Path demo = AppPaths.demoSnapshot();
        writeDemoModelsIfMissing(ModelCatalog.folder());
        if (Files.exists(demo)) {
            try {
                SnapshotVerifier.Verified v = SnapshotVerifier.open(demo);
                if (isCurrentDemo(v.manifest())) return SnapshotOpener.workspace(v, v.manifest().withProvenance(Provenance.demo()));
                v.close();
                LOG.info("Remaking the demo snapshot {}: made by another version of the workstation", demo);
            } catch (SnapshotException e) {
                LOG.warn("Remaking the demo snapshot {}: {}", demo, e.getMessage());
            }
        }
        DemoSummary made = new DemoGenerator(DemoOptions.defaults()).generate(demo);
        VerifiedFiles.inDataDir().add(VerifiedFiles.hashOf(demo), made.checksum());
        SnapshotVerifier.Verified v = SnapshotVerifier.open(demo);
        return SnapshotOpener.workspace(v, v.manifest().withProvenance(Provenance.demo()));
    }

    private static boolean isCurrentDemo(SnapshotManifest m) {
        return m.appVersion().equals(AppVersion.current()) && m.source().equals(DemoOptions.defaults().source());
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SourceOpening.class);

    /** Example metadata for the demo's models, so the Models view has files to show; never overwrites a folder. */
    static void writeDemoModelsIfMissing(Path folder) {
        if (Files.exists(folder)) return;
        try {
            DemoModels.writeTo(folder);
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(SourceOpening.class).warn("Cannot write demo model files to {}: {}", folder, e.getMessage());
        }
    }

    @FunctionalInterface
    public interface Opener {
        Workspace open() throws Exception;
    }
}
