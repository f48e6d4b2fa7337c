package com.ja4.workstation.app;

import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.WindowLength;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SourceOpening;
import com.ja4.workstation.ui.render.ViewRenderer;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.io.InputFiles;
import com.ja4.workstation.io.PartialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** render --view NAME --out FILE.png: a view on a source, drawn headless, for reports. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a view to PNG without a display (demo data unless --source is given).")
public final class RenderCommand implements Callable<Integer> {

    @Option(names = "--view", required = true, description = "View: ${COMPLETION-CANDIDATES}", completionCandidates = ViewNames.class)
    String view;

    @Option(names = "--width", defaultValue = "1400", description = "Width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "900", description = "Height in pixels (default ${DEFAULT-VALUE}); scrolling views grow to fit")
    int height;

    @Option(names = "--source", description = "Snapshot file (default: the demo snapshot)")
    Path source;

    @Option(names = "--window", defaultValue = "24h",
            description = "Window length up to the as-of time: a preset (1h, 6h, 24h, 3d, 7d, 30d) or any length from 5m to 365d"
                    + " such as 90m, 12h, 2d, 2w (default ${DEFAULT-VALUE})")
    String window;

    @Option(names = "--ip", description = "With --view ip: open this IP's tab (IPv4 or IPv6)")
    String ip;

    @Option(names = "--ja4", description = "With --view fingerprints: show this JA4's profile (Look up JA4)")
    String ja4;

    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        ViewId id = ViewId.fromCliName(view).orElse(null);
        if (id == null) {
            System.err.println("Unknown view '" + view + "'. Views: " + String.join(", ", new ViewNames()));
            return 2;
        }
        if (width < 200 || height < 200 || width > 8000 || height > 8000) {
            System.err.println("--width and --height must be between 200 and 8000");
            return 2;
        }
        WindowLength length = WindowLength.parse(window);
        if (!length.isValid()) {
            System.err.println("--window: " + length.problem());
            return 2;
        }
        com.ja4.workstation.domain.ClientIp client = null;
        if (ip != null) {
            client = com.ja4.workstation.domain.ClientIp.parse(ip).orElse(null);
            if (client == null) {
                System.err.println("--ip '" + ip + "' is not a valid IPv4 or IPv6 address");
                return 2;
            }
            if (id != ViewId.IP) {
                System.err.println("--ip applies to --view ip only");
                return 2;
            }
        }
        if (ja4 != null && (ja4.isBlank() || id != ViewId.FINGERPRINTS)) {
            System.err.println(ja4.isBlank() ? "--ja4 needs a value" : "--ja4 applies to --view fingerprints only");
            return 2;
        }
        String memory = memoryProblem(width, height, Runtime.getRuntime());
        if (memory != null) {
            System.err.println("render: " + memory);
            return 2;
        }
        if (source != null) InputFiles.requireReadableFile(source);
        OutputPaths.check("--out", out, source != null ? List.of(source) : List.of(AppPaths.demoSnapshot()));
        ViewRenderer.Preset preset = new ViewRenderer.Preset(client, ja4);
        // the PNG is drawn into a hidden file beside the target, moved into place once whole
        Path tmp = AtomicOutput.temporaryBeside(out, ".png");
        try (PartialFiles.Registration ignored = PartialFiles.register(tmp);
             Workspace ws = source == null ? SourceOpening.openDemo() : SourceOpening.openSnapshot(source)) {
            long t0 = System.nanoTime();
            var r = ViewRenderer.render(id, ws, new TimeWindow(ws.session().latestAsOf(), length.length().orElseThrow()), width, height, tmp,
                    preset);
            PartialFiles.throwIfStopping();
            AtomicOutput.moveIntoPlace(tmp, out.toAbsolutePath());
            System.out.printf("Rendered %s (%dx%d) to %s in %d ms%n", id.cliName(), r.width(), r.height(), out.toAbsolutePath(),
                    (System.nanoTime() - t0) / 1_000_000);
            return 0;
        } catch (com.ja4.workstation.data.warehouse.WarehouseException e) {
            System.err.println("render: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            System.err.println("render: not enough memory to draw " + width + "x" + height + " pixels (this Java may use "
                    + Runtime.getRuntime().maxMemory() / MB + " MB); render smaller or give Java more with -Xmx");
            return 1;
        } finally {
            ViewRenderer.shutdown();
        }
    }

    private static final long MB = 1024 * 1024;

    /**
     * Why a picture of this size cannot be drawn in this Java, or null. The view is drawn into an
     * image (4 bytes a pixel), copied for the PNG encoder and the software renderer holds its own
     * buffer: about four copies. Refused before anything is opened, rather than dying half-way.
     */
    static String memoryProblem(int width, int height, Runtime rt) {
        long need = (long) width * height * 4 * 4;
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need <= free) return null;
        return String.format(java.util.Locale.ROOT, "a %dx%d picture needs about %,d MB of memory and this Java has about %,d MB free"
                + " (-Xmx %,d MB); render smaller, or give Java more, e.g. java -Xmx%dg -jar ja4-workstation.jar render …",
                width, height, need / MB, Math.max(0, free) / MB, rt.maxMemory() / MB, Math.max(2, (need * 2) / (1024 * MB) + 1));
    }

    static final class ViewNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(ViewId.values()).map(ViewId::cliName).collect(Collectors.toList()).iterator();
        }
    }
}
