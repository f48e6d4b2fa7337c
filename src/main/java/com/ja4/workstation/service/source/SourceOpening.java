package com.ja4.workstation.service.source;

import com.ja4.workstation.app.AppPaths;
import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoOptions;
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
        return SnapshotOpener.open(demo);
    }

    @FunctionalInterface
    public interface Opener {
        Workspace open() throws Exception;
    }
}
