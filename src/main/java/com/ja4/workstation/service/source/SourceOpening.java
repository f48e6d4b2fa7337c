package com.ja4.workstation.service.source;

import com.ja4.workstation.app.AppPaths;
import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoModels;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.service.analytics.ModelCatalog;
import com.ja4.workstation.service.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the workstation gets its data: a snapshot file, or the demo snapshot made on first start. */
public final class SourceOpening {

    private SourceOpening() {
    }

    public static Workspace openSnapshot(Path file) throws Exception {
        return SnapshotOpener.open(file);
    }

    /** Opens the demo snapshot in the data folder, generating it first when it is missing. */
    public static Workspace openDemo() throws Exception {
        Path demo = AppPaths.demoSnapshot();
        if (!Files.isRegularFile(demo)) new DemoGenerator(DemoOptions.defaults()).generate(demo);
        writeDemoModelsIfMissing(ModelCatalog.folder());
        return SnapshotOpener.open(demo);
    }

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
