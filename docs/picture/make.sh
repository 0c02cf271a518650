#!/usr/bin/env bash
# make.sh draws docs/picture/warroom.svg, the picture of the screen in
# README.md: the real `warroom demo` at 120×36 in tmux, in the dark
# theme and in English, captured with its colours (tmux capture-pane -e)
# and drawn as SVG by freeze. Run it from anywhere in the source:
#
#   docs/picture/make.sh
#
# It needs go and tmux; freeze is run with go run at a fixed version, so
# it is not a dependency of the module. The demo's incident is made at
# the moment you run it: its times of day and ids change from one
# picture to the next, the screen does not.
set -euo pipefail
cd "$(dirname "$0")/../.."

width=120
height=36
out=docs/picture/warroom.svg
freeze=github.com/charmbracelet/freeze@v0.2.2

for tool in go tmux; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make.sh: $tool is needed" >&2; exit 1; }
done

work=$(mktemp -d)
sock="warroom-picture-$$"
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/warroom" ./cmd/warroom

# A clean environment: no config, hooks or language of yours, UTC times.
tmux -L "$sock" -f /dev/null new-session -d -x "$width" -y "$height" \
  "env -i HOME='$work' TMPDIR='$work' PATH=/usr/bin:/bin TZ=UTC LANG=C.UTF-8 \
     TERM=tmux-256color COLORTERM=truecolor '$work/warroom' demo --theme dark --lang en"

# Wait for the whole first frame: the footer is drawn last.
for _ in $(seq 100); do
  if tmux -L "$sock" capture-pane -p | grep -q '? help'; then
    break
  fi
  sleep 0.1
done
sleep 0.5
tmux -L "$sock" capture-pane -e -p > "$work/screen.ansi"
grep -q 'Incident manager' "$work/screen.ansi" || { echo "make.sh: the demo did not draw its screen" >&2; cat "$work/screen.ansi" >&2; exit 1; }

# The dark theme's background (themes.Dark), so that cells the screen
# paints and cells it leaves to the terminal look the same.
go run "$freeze" --language ansi --window --background '#1c1c1c' \
  --padding 20 --margin 0 --border.radius 8 --output "$out" < "$work/screen.ansi"
