package com.ja4.workstation.data.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A ClickHouse server's version, read first over plain HTTP ({@code SELECT version()} through the
 * HTTP interface, Basic authentication, the profile's TLS settings) before any driver talks to it:
 * a server too old for the workstation's queries is named as such instead of failing with the
 * driver's riddle.
 *
 * <p>{@link #MINIMUM} is 23.8: the queries need window functions ({@code ROW_NUMBER() OVER}, Browsers
 * view; generally available since 21.9), typed query parameters {@code {p:Type}} (bulk export) and
 * Parquet output, and clickhouse-jdbc 0.9 (client-v2) is built for current releases; 23.8 is the
 * LTS release the ClickHouse dialect was written against. The engine the tests run (chDB) is 26.x.
 */
public record ClickHouseVersion(List<Integer> parts, String text) implements Comparable<ClickHouseVersion> {

    private static final Pattern VERSION = Pattern.compile("^(\\d{1,4})(\\.\\d{1,6}){0,4}");
    private static final int MAX_ANSWER = 4096;

    /** The oldest release the workstation accepts (see the class comment). */
    public static final ClickHouseVersion MINIMUM = parse("23.8").orElseThrow();

    public ClickHouseVersion {
        parts = List.copyOf(parts);
    }

    /** The leading dotted numbers of a version string ("18.16.1", "24.8.4.13"), if it starts with one. */
    public static Optional<ClickHouseVersion> parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = VERSION.matcher(t);
        if (!m.find()) return Optional.empty();
        List<Integer> parts = new ArrayList<>();
        for (String p : m.group().split("\\.")) parts.add(Integer.parseInt(p));
        return Optional.of(new ClickHouseVersion(parts, m.group()));
    }

    public boolean isOlderThan(ClickHouseVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(ClickHouseVersion o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) return Integer.compare(a, b);
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Asks the server at {@code baseUrl} ({@code http(s)://host:port}) for its version. Network
     * failures come as the JDK's exceptions (unknown host, refused, timeout, TLS) for the caller to
     * word; an answer that is not a version (an error, another kind of server) as a
     * {@link WarehouseException} carrying the server's first line.
     */
    public static ClickHouseVersion read(String baseUrl, String user, String password, Duration timeout, Optional<Path> caFile)
            throws IOException, InterruptedException, WarehouseException {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (caFile.isPresent()) client.sslContext(trusting(caFile.get()));
        String auth = Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/?query=" + URLEncoder.encode("SELECT version()", StandardCharsets.UTF_8)))
                .timeout(timeout.plusSeconds(5)).header("Authorization", "Basic " + auth).GET().build();
        HttpResponse<InputStream> response = client.build().send(request, HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8).strip();
        }
        String first = firstLine(body);
        if (response.statusCode() != 200) {
            throw new WarehouseException("HTTP " + response.statusCode() + (first.isEmpty() ? "" : ": " + first));
        }
        return parse(first).orElseThrow(() -> new WarehouseException("the answer to SELECT version() is not a version: '"
                + com.ja4.workstation.domain.DisplayText.of(first, 80) + "'"));
    }

    private static SSLContext trusting(Path caFile) throws IOException {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("ca" + i++, c);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("The CA file " + caFile + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).strip();
    }
}
