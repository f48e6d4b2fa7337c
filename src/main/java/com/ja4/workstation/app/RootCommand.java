package com.ja4.workstation.app;

import picocli.CommandLine.Command;

/** The headless commands; each lives in its own class, registered here. */
@Command(name = "ja4-workstation", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "JA4 Analyst Workstation. Without a command it starts the GUI.",
        subcommands = {
                RenderCommand.class,
                BenchCommand.class,
                FingerprintCommand.class,
                DemoCommand.class,
                ClusterCommand.class,
                SnapshotCommand.class,
        })
public final class RootCommand implements Runnable {
    @Override
    public void run() {
        com.ja4.workstation.ui.WorkstationApp.launch(new String[0]);
    }
}
