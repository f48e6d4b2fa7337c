;
; JA4 Analyst Workstation - TCP SYN signatures that p0f 3.09b (2012) predates.
; --------------------------------------------------------------------------
;
; Same syntax as p0f.fp, section [tcp:request]:
;   sig = ver:ittl:olen:mss:wsize,scale:olayout:quirks:pclass
; The workstation reads ittl, mss, wsize and scale only. One extension that
; p0f itself does not accept:
;   wsize = mss*fill   the largest multiple of the MSS that fits in 65535,
;                      which is how Linux picks its SYN window since 4.x, and
;                      Windows 10/11 too (64240 = 44 x 1460 on Ethernet,
;                      65340 = 45 x 1452 on PPPoE, 64202 = 47 x 1366).
;   wsize = mss*n      any multiple of the MSS (at least 4 segments): a trait of
;                      a family that sizes its window from the MSS, weaker
;                      evidence than one exact value.
; and one key after a label:
;   era = legacy       a stack from before about 2010; its prior is the same
;                      small one whatever the family (OsFamily.LEGACY_PRIOR), so
;                      where two legacy stacks of different families send the
;                      same SYN the verdict is UNKNOWN, not the commoner family.
;                      The [ja4:legacy] section at the end marks p0f.fp's own
;                      legacy labels the same way, without editing p0f.fp.
;
; The values are the ones commonly published for these stacks (p0f community
; captures, JA4T examples) and the ones seen in the fit part of the real-SYN
; evaluation set (src/test/resources/.../real-syns/README.md); they are not
; part of p0f and not covered by its license.
;

[tcp:request]

; -------
; Windows
; -------

; Windows 10 and 11 send the same SYN; nothing in TTL/window/scale/MSS tells
; them apart, so they share one label instead of pretending otherwise.
label = s:win:Windows:10 or 11
sig   = *:128:0:*:64240,8:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,8:mss,nop,ws,nop,nop,sok:df,id+:0
; Like Linux, Windows 10/11 fill the window with whole segments of their own
; MSS: 64202 at MSS 1366, 64766 at 1378, 64480 at 1240.
sig   = *:128:0:*:mss*fill,8:mss,nop,ws,nop,nop,sok:df,id+:0

; Any window sized from the MSS, at Windows' TTL and scale.
label = g:win:Windows:10 or 11
sig   = *:128:0:*:mss*n,8:mss,nop,ws,nop,nop,sok:df,id+:0

; TTL 128 with Windows' scale: no other common client stack starts at 128.
label = g:win:Windows:NT kernel
sig   = *:128:0:*:*,8:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:*,2:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:*,0:mss,nop,nop,sok:df,id+:0

; -----
; Linux
; -----

; Window is rounded down to a multiple of the MSS; the scale follows the
; receive-buffer maximum (7 for the default 6 MB). Servers tuned for
; throughput use 8-10, but 64240 with scale 8 at TTL 64 is, in the real-SYN
; set, a Windows stack whose TTL was rewritten more often than a Linux one, so
; those scales are left to the catch-all below.
label = s:unix:Linux:4.x and newer
sig   = *:64:0:*:mss*fill,7:mss,sok,ts,nop,ws:df,id+:0

; Older kernels and small receive buffers: 29200 = 20 x 1460, 32120 = 22 x
; 1460, 14600 = 10 x 1460.
label = s:unix:Linux:3.x and newer
sig   = *:64:0:*:mss*n,7:mss,sok,ts,nop,ws:df,id+:0

label = g:unix:Linux:
sig   = *:64:0:*:mss*n,*:mss,sok,ts,nop,ws:df,id+:0

; Android raises the receive buffers: the window is the full 65535 and the
; scale follows the buffer maximum of the network type, 7 to 10 on real
; devices (6 is Apple's, and Apple is the better bet there).
label = s:unix:Linux:(Android 8 and newer)
sig   = *:64:0:*:65535,7:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:65535,8:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:65535,9:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:65535,10:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:65535,11:mss,sok,ts,nop,ws:df,id+:0

; Android 4 phones run Linux 3.x kernels: 10 x MSS like desktop Linux 3.x,
; but Android sets the receive-buffer maximum per network type (2 MB on Wi-Fi,
; scale 6; 1 MB on 3G, scale 5) where a desktop kernel's 6 MB gives scale 7.
; A Linux 3.x machine with little memory also lands on scale 5-6, so p0f's
; "Linux 3.1-3.10" fits as well: the verdict is UNKNOWN there, not a guess
; (TcpFingerprinter.PRIOR_DECIDED_MIN).
label = s:unix:Linux:(Android 4.x)
sig   = *:64:0:*:mss*10,5:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*10,6:mss,sok,ts,nop,ws:df,id+:0

; -----------
; macOS / iOS
; -----------

label = s:unix:macOS:11 and newer, iOS 14 and newer
sig   = *:64:0:*:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

label = s:unix:macOS:10.10-10.15
sig   = *:64:0:*:65535,5:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

; ----------------------------------------
; BSD stacks of the 2000s (legacy, see era)
; ----------------------------------------

; They send the SYNs of Mac OS X 10.0-10.8 (65535 with scale 1) and of Linux
; 2.0 (16384 unscaled): only the option layout, which the warehouse does not
; keep, tells them apart. Values from OpenBSD's pf.os (ISC licence, the p0f 2
; database), and mss*12 from Satori's tcp.xml (FreeBSD 3.4 and 4.2, OpenBSD
; 2.6: 17520 = 12 x 1460).
label = s:unix:FreeBSD:4.7-5.2
era   = legacy
sig   = *:64:0:*:65535,1:mss,nop,ws,nop,nop,ts:df:0

label = s:unix:FreeBSD:2.0-4.x
era   = legacy
sig   = *:64:0:*:16384,0:mss:df:0
sig   = *:64:0:*:mss*12,0:mss:df:0

label = s:unix:FreeBSD:4.6-4.9
era   = legacy
sig   = *:64:0:*:57344,0:mss,nop,ws,nop,nop,ts:df:0

label = s:unix:OpenBSD:2.6-4.0
era   = legacy
sig   = *:64:0:*:16384,0:mss,nop,nop,sok,nop,ws,nop,nop,ts:df:0
sig   = *:64:0:*:57344,0:mss,nop,nop,sok,nop,ws,nop,nop,ts:df:0
sig   = *:64:0:*:mss*12,0:mss,nop,nop,sok,nop,ws,nop,nop,ts:df:0

label = s:unix:NetBSD:1.6
era   = legacy
sig   = *:64:0:*:65535,1:mss,nop,ws,nop,nop,ts:df:0

; --------
; Scanners
; --------

; ZMap 2.x writes a bare SYN: TTL 255, window 65535, no options (captured from
; Debian's zmap 2.1.1, scripts/real-syns/scan-zmap.pcap).
label = s:!:ZMap:SYN scan
sig   = *:255:0:0:65535,0:::0

; ---------------
; Network devices
; ---------------

; Routers, firewalls and appliances start at TTL 255; Cisco IOS keeps its
; historical 4128-byte window (p0f 2.x signature).
label = s:other:Cisco:IOS
sig   = *:255:0:536:4128,0:mss::0
sig   = *:255:0:*:4128,0:mss::0

label = g:other:Network device:TTL 255 stack
sig   = *:255:0:*:*,0:mss::0

; p0f.fp's signatures of stacks from before about 2010 that share a SYN with a
; stack of another family above (the labels as p0f.fp writes them).
[ja4:legacy]
legacy = Mac OS X 10.x
legacy = FreeBSD 8.x
legacy = OpenBSD 3.x
legacy = Linux 2.0
