#!/bin/sh
# Add Passage to the applications menu of the current user (no root needed).
#   ./install-desktop-entry.sh            install (run it from anywhere)
#   ./install-desktop-entry.sh --remove   remove the menu entry again
# The entry points at this folder: move the folder, then run this script again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/passage.desktop" "$icons/passage.png"
    echo "Passage removed from the menu."
    exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/passage.png" "$icons/passage.png"
# The template's Exec and Icon give way to absolute paths. Exec is quoted and escaped as
# the desktop-entry spec says (\ " ` $ get a doubled backslash, a backslash four; % is
# written %%), so a folder name with spaces or quotes still works. The file has one
# group, so the keys can go at its end.
exec_path=$(printf '%s' "$here/passage" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
{
    grep -v -e '^Exec=' -e '^Icon=' -e '^# install-desktop-entry' "$here/passage.desktop"
    printf 'Exec="%s"\nIcon=%s\n' "$exec_path" "$icons/passage.png"
} >"$apps/passage.desktop"
chmod 644 "$apps/passage.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "Passage is in the applications menu (entry: $apps/passage.desktop)."
