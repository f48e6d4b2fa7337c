package com.ja4.workstation.analysis.fingerprint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the [tcp:request] section of a p0f 3 fingerprint database (p0f.fp). Only the fields our
 * data has are kept: ittl, mss, window and scale. The option layout and quirks are dropped, so
 * two p0f signatures that differ only there become the same tuple here.
 */
public final class P0fSignatureReader {

    private P0fSignatureReader() {
    }

    /**
     * @param sourceName how reasons will name the file ("p0f.fp")
     * @throws IllegalArgumentException with the file name and line when a tcp:request line is malformed
     */
    public static List<TcpSignature> read(Reader reader, String sourceName) throws IOException {
        List<TcpSignature> signatures = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        boolean inTcpRequest = false;
        Label label = null;
        boolean legacy = false;
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith(";")) continue;
            if (text.startsWith("[")) {
                inTcpRequest = text.equals("[tcp:request]");
                label = null;
                continue;
            }
            if (!inTcpRequest) continue;
            int eq = text.indexOf('=');
            if (eq < 0) throw malformed(sourceName, lineNumber, "expected key = value");
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            try {
                if (key.equals("label")) {
                    label = Label.parse(value);
                    legacy = false;
                } else if (key.equals("era")) {
                    // The workstation's extension (p0f has no such key): "era = legacy" after a label.
                    legacy = value.equals("legacy");
                } else if (key.equals("sig")) {
                    if (label == null) throw malformed(sourceName, lineNumber, "sig before any label");
                    TcpSignature s = signature(label, value, sourceName + " line " + lineNumber);
                    signatures.add(legacy ? s.asLegacy() : s);
                }
                // "sys" only names the systems a userland tool runs on; nothing for us to keep.
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw malformed(sourceName, lineNumber, e.getMessage());
            }
        }
        return List.copyOf(signatures);
    }

    private static TcpSignature signature(Label label, String sig, String source) {
        // ver:ittl:olen:mss:wsize,scale:olayout:quirks:pclass
        String[] f = sig.split(":", -1);
        if (f.length != 8) throw new NumberFormatException("expected 8 fields, got " + f.length);
        String ittl = f[1].strip();
        boolean atMost = ittl.endsWith("-");
        int plus = ittl.indexOf('+');  // "64+?" style: a distance annotation, not part of the TTL
        String ttlDigits = atMost ? ittl.substring(0, ittl.length() - 1) : plus >= 0 ? ittl.substring(0, plus) : ittl;
        int initialTtl = Integer.parseInt(ttlDigits);
        int mss = f[3].strip().equals("*") ? TcpSignature.ANY : Integer.parseInt(f[3].strip());
        String[] windowAndScale = f[4].split(",", -1);
        WindowRule window = WindowRule.parse(windowAndScale[0]);
        int scale = windowAndScale[1].strip().equals("*") ? TcpSignature.ANY : Integer.parseInt(windowAndScale[1].strip());
        return new TcpSignature(label.text(), label.family(), label.generic(), initialTtl, atMost, mss, window, scale, source, false);
    }

    /**
     * The labels a [ja4:legacy] section names ("legacy = Mac OS X 10.x"): p0f.fp's own signatures
     * of stacks from before about 2010, which the workstation's additions mark without editing p0f.fp.
     */
    public static Set<String> legacyLabels(Reader reader) throws IOException {
        Set<String> labels = new HashSet<>();
        BufferedReader in = new BufferedReader(reader);
        boolean inLegacy = false;
        String line;
        while ((line = in.readLine()) != null) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith(";")) continue;
            if (text.startsWith("[")) {
                inLegacy = text.equals("[ja4:legacy]");
                continue;
            }
            int eq = text.indexOf('=');
            if (inLegacy && eq > 0 && text.substring(0, eq).strip().equals("legacy")) {
                labels.add(text.substring(eq + 1).strip());
            }
        }
        return Set.copyOf(labels);
    }

    private static IllegalArgumentException malformed(String source, int line, String why) {
        return new IllegalArgumentException(source + " line " + line + ": malformed signature (" + why + ")");
    }

    /** "s:unix:Linux:3.11 and newer" split into what we need. */
    record Label(String text, OsFamily family, boolean generic) {

        static Label parse(String value) {
            String[] f = value.split(":", 4);
            if (f.length < 3) throw new NumberFormatException("label needs type:class:name[:flavor]");
            boolean generic = f[0].strip().equals("g");
            String cls = f[1].strip();
            String name = f[2].strip();
            String flavor = f.length > 3 ? f[3].strip() : "";
            String text = flavor.isEmpty() ? name : name + " " + flavor;
            return new Label(text, familyOf(cls, name, flavor), generic);
        }

        static OsFamily familyOf(String cls, String name, String flavor) {
            String n = name.toLowerCase(Locale.ROOT);
            if (cls.equals("!") || n.equals("nmap") || n.equals("masscan") || n.equals("zmap")) return OsFamily.SCANNER;
            if (n.equals("linux")) {
                return flavor.toLowerCase(Locale.ROOT).contains("android") ? OsFamily.ANDROID : OsFamily.LINUX;
            }
            // p0f files BaiduSpider under unix: its signature is a Linux 2.6 stack.
            if (n.equals("baiduspider")) return OsFamily.LINUX;
            if (n.equals("windows")) return OsFamily.WINDOWS;
            if (n.equals("mac os x") || n.equals("macos x") || n.equals("macos") || n.equals("ios")) return OsFamily.MACOS_IOS;
            if (n.equals("freebsd")) return OsFamily.FREEBSD;
            if (n.equals("openbsd")) return OsFamily.OPENBSD;
            if (n.equals("solaris")) return OsFamily.SOLARIS;
            if (n.equals("cisco") || n.equals("juniper") || n.equals("network device")) return OsFamily.NETWORK_DEVICE;
            return OsFamily.UNKNOWN;
        }
    }
}
