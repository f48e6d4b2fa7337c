# Sourced by startup-bench.sh and build.sh: a virtual X display for runs of the real desktop app
# (JavaFX's GTK toolkit) on a machine without a screen.
#   ensure_gui_packages   installs xvfb and libgtk-3-0 with apt-get when missing (returns 1 if it cannot)
#   start_xvfb            starts Xvfb on a free display, exports DISPLAY; stop_xvfb stops it
XVFB_PID=""

ensure_gui_packages() {
  local missing=()
  command -v Xvfb >/dev/null || missing+=(xvfb xauth)
  dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 ||
    missing+=("$(apt-cache show libgtk-3-0t64 >/dev/null 2>&1 && echo libgtk-3-0t64 || echo libgtk-3-0)")
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { echo "missing ${missing[*]} (a virtual display for the desktop app)" >&2; return 1; }
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing ${missing[*]} (a virtual display for the desktop app's own toolkit)"
  $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_xvfb() {
  local d log=${TMPDIR:-/tmp}/ja4-xvfb.$$.log
  for d in $(seq 90 140); do
    [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] || break
  done
  Xvfb ":$d" -screen 0 1920x1200x24 -nolisten tcp >"$log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$d" ] && break; sleep 0.1; done
  if [ ! -e "/tmp/.X11-unix/X$d" ]; then
    echo "Xvfb did not start: $(cat "$log")" >&2
    return 1
  fi
  rm -f "$log"
  export DISPLAY=":$d"
}

stop_xvfb() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  XVFB_PID=""
}
