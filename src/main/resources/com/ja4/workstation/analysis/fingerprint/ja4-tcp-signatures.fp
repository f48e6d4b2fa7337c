;
; JA4 Analyst Workstation - TCP SYN signatures that p0f 3.09b (2012) predates.
; --------------------------------------------------------------------------
;
; Same syntax as p0f.fp, section [tcp:request]:
;   sig = ver:ittl:olen:mss:wsize,scale:olayout:quirks:pclass
; The workstation reads ittl, mss, wsize and scale only. One extension that
; p0f itself does not accept:
;   wsize = mss*fill   the largest multiple of the MSS that fits in 65535,
;                      which is how Linux picks its SYN window since 4.x
;                      (64240 = 44 x 1460 on Ethernet, 65340 = 45 x 1452 on PPPoE).
;
; The values are the ones commonly published for these stacks (p0f community
; captures, JA4T examples); they are not part of p0f and not covered by its
; license.
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

; -----
; Linux
; -----

; Window is rounded down to a multiple of the MSS; the scale follows the
; receive-buffer maximum (7 by default, 8-10 on servers tuned for throughput).
label = s:unix:Linux:4.x and newer
sig   = *:64:0:*:mss*fill,7:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*fill,8:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*fill,9:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*fill,10:mss,sok,ts,nop,ws:df,id+:0

; Android raises the receive buffers: full 65535 window, scale 8 or 9.
label = s:unix:Linux:(Android 8 and newer)
sig   = *:64:0:*:65535,8:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:65535,9:mss,sok,ts,nop,ws:df,id+:0

; -----------
; macOS / iOS
; -----------

label = s:unix:macOS:11 and newer, iOS 14 and newer
sig   = *:64:0:*:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

label = s:unix:macOS:10.10-10.15
sig   = *:64:0:*:65535,5:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

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
