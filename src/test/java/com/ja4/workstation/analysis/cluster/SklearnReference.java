package com.ja4.workstation.analysis.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's reference runs in Python: scikit-learn's {@code KMeans} and the NumPy anchor, on
 * exactly the vectors the Java pipeline clusters. The interpreter is the project's {@code .venv-bench},
 * made by {@code scripts/bench-venv.sh} (never by hand, never global).
 */
final class SklearnReference {

    /** What one scikit-learn configuration did over the seeds. */
    record Fit(int nInit, double[] ari, double[] inertia, double msBest, double msMedian, double[] oursAriBySklearn,
               String version) {
    }

    private final Path python;
    private final Path dir;

    private SklearnReference(Path python, Path dir) {
        this.python = python;
        this.dir = dir;
    }

    /** Creates the venv if needed (scripts/bench-venv.sh) and a scratch folder for the data files. */
    static SklearnReference create(Path project) throws IOException, InterruptedException {
        Result venv = exec(List.of("bash", project.resolve("scripts/bench-venv.sh").toString()), 1800);
        if (venv.exit != 0) throw new IOException("scripts/bench-venv.sh failed: " + venv.output);
        String[] lines = venv.output.strip().split("\n");
        Path dir = Files.createTempDirectory("cluster-bench");
        for (String script : List.of("kmeans_sklearn.py", "kmeans_numpy.py")) copy(script, dir);
        return new SklearnReference(Path.of(lines[lines.length - 1].strip()), dir);
    }

    /** Writes the vectors and truth of a data set once; returns the two files. */
    Path[] write(String name, double[][] vectors, int[] truth) throws IOException {
        Path v = dir.resolve(name + ".csv");
        Path t = dir.resolve(name + ".truth");
        StringBuilder sb = new StringBuilder(vectors.length * vectors[0].length * 12);
        for (double[] row : vectors) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) sb.append(',');
                sb.append(row[j]);
            }
            sb.append('\n');
        }
        Files.writeString(v, sb);
        StringBuilder tb = new StringBuilder(truth.length * 3);
        for (int x : truth) tb.append(x).append('\n');
        Files.writeString(t, tb);
        return new Path[]{v, t};
    }

    /**
     * scikit-learn KMeans(n_clusters=k, n_init=nInit, random_state=seed) for seeds first..last.
     *
     * @param oursLabels labels of the Java runs, one array per seed (scored by sklearn as a cross-check); may be null
     */
    Fit kmeans(Path[] data, int k, int nInit, int first, int last, int repeats, List<int[]> oursLabels)
            throws IOException, InterruptedException {
        return kmeans(data, null, null, k, nInit, first, last, repeats, oursLabels);
    }

    /**
     * As {@link #kmeans(Path[], int, int, int, int, int, List)}, fitted only on the rows {@code fitRows}
     * with the sample weights {@code fitWeights} (null: every row, weight 1), then predicting every
     * row: the product's procedure at 100,000 pairs, so that both sides fit the same points.
     */
    Fit kmeans(Path[] data, int[] fitRows, double[] fitWeights, int k, int nInit, int first, int last, int repeats,
               List<int[]> oursLabels) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), dir.resolve("kmeans_sklearn.py").toString()));
        if (fitRows != null) {
            Path sample = dir.resolve("sample-" + data[0].getFileName());
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fitRows.length; i++) {
                sb.append(fitRows[i]).append(',').append(fitWeights == null ? 1.0 : fitWeights[i]).append('\n');
            }
            Files.writeString(sample, sb);
            cmd.addAll(List.of("--fit-on", sample.toString()));
        }
        cmd.addAll(List.of(data[0].toString(), data[1].toString(), Integer.toString(k), Integer.toString(nInit),
                Integer.toString(first), Integer.toString(last), Integer.toString(repeats)));
        if (oursLabels != null) {
            Path ours = dir.resolve("ours-" + data[0].getFileName());
            StringBuilder sb = new StringBuilder();
            for (int[] labels : oursLabels) {
                for (int i = 0; i < labels.length; i++) {
                    if (i > 0) sb.append(',');
                    sb.append(labels[i]);
                }
                sb.append('\n');
            }
            Files.writeString(ours, sb);
            cmd.add(ours.toString());
        }
        Result r = exec(cmd, 3600);
        if (r.exit != 0) throw new IOException("kmeans_sklearn.py failed: " + r.output);
        String json = r.output.strip();
        JsonNode n = new ObjectMapper().readTree(json.substring(json.lastIndexOf('\n') + 1));
        return new Fit(nInit, doubles(n.get("ari")), doubles(n.get("inertia")), n.get("ms_best").asDouble(),
                n.get("ms_median").asDouble(), n.has("ours_ari_by_sklearn") ? doubles(n.get("ours_ari_by_sklearn")) : null,
                n.get("sklearn").asText());
    }

    /**
     * A scikit-learn process that keeps the vectors loaded and fits on demand: timings alternate
     * with the Java runs instead of following them, so both sides share whatever load the machine has.
     */
    final class Server implements AutoCloseable {
        private final Process process;
        private final java.io.BufferedReader out;
        private final java.io.Writer in;

        /** @param singleThreaded OpenMP and BLAS limited to one thread each, instead of as installed (one per core) */
        Server(Path vectors, int k, boolean singleThreaded) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(python.toString(), dir.resolve("kmeans_sklearn.py").toString(), "--serve",
                    vectors.toString(), Integer.toString(k)).redirectError(ProcessBuilder.Redirect.INHERIT);
            if (singleThreaded) {
                builder.environment().put("OMP_NUM_THREADS", "1");
                builder.environment().put("OPENBLAS_NUM_THREADS", "1");
            }
            process = builder.start();
            out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            String ready = out.readLine();
            if (!"ready".equals(ready)) throw new IOException("kmeans_sklearn.py --serve did not start: " + ready);
        }

        /**
         * Wall and CPU milliseconds of one {@code KMeans(n_init=nInit, random_state=seed).fit}, then the
         * CPU milliseconds its worker threads spun after it; answered once they are idle.
         */
        double[] fit(int seed, int nInit) throws IOException {
            in.write(seed + " " + nInit + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null) throw new IOException("kmeans_sklearn.py --serve stopped");
            String[] parts = line.strip().split(" ");
            return new double[]{Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
        }

        @Override
        public void close() throws IOException {
            in.close();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    Server server(Path vectors, int k, boolean singleThreaded) throws IOException {
        return new Server(vectors, k, singleThreaded);
    }

    /** The NumPy anchor (naive k-means++ + Lloyd + PCA + edges, vectorised): its output line. */
    String numpy(Path vectors, int k, long seed, int repeats) throws IOException, InterruptedException {
        Result r = exec(List.of(python.toString(), dir.resolve("kmeans_numpy.py").toString(), vectors.toString(),
                Integer.toString(k), Long.toString(seed), Integer.toString(repeats)), 1800);
        if (r.exit != 0) throw new IOException("kmeans_numpy.py failed: " + r.output);
        return r.output.strip();
    }

    static double msOf(String output) {
        for (String part : output.split("\\s+")) if (part.startsWith("ms=")) return Double.parseDouble(part.substring(3));
        throw new IllegalStateException("no ms= in " + output);
    }

    void delete() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    private static void copy(String name, Path dir) throws IOException {
        try (InputStream in = SklearnReference.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) throw new IOException("missing test resource bench/" + name);
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
