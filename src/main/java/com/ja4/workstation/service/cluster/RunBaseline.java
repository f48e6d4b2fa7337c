package com.ja4.workstation.service.cluster;

import java.nio.file.Path;

/** What a run is compared with ("Compare with…"): the previous run, a run over the window before, or a run file. */
public sealed interface RunBaseline {

    /** The run of this source before the one shown. */
    record PreviousRun() implements RunBaseline {
        @Override
        public String describe() {
            return "the previous run";
        }
    }

    /** A run with the same k and sample size over the same-length window just before ("yesterday" for 24 h). */
    record WindowBefore() implements RunBaseline {
        @Override
        public String describe() {
            return "the window before";
        }
    }

    /** A run written by {@code cluster --out} (an untrusted file). */
    record RunFile(Path file) implements RunBaseline {
        public RunFile {
            if (file == null) throw new IllegalArgumentException("a run file needs a path");
        }

        @Override
        public String describe() {
            return "the run in " + file.getFileName();
        }
    }

    RunBaseline PREVIOUS_RUN = new PreviousRun();
    RunBaseline WINDOW_BEFORE = new WindowBefore();

    /** "the window before", in the analyst's words. */
    String describe();
}
