#!/bin/sh
# Remove Lavka installed by install.sh: exactly the files listed in
# ~/.local/opt/lavka/installed-files.txt, then the folders that this left empty.
# Lavka's data (the database and its backups in ~/.local/share/Lavka) and its settings
# are never touched; delete them yourself if you really mean to.
set -eu

quiet=
[ "${1:-}" = "--quiet" ] && quiet=1
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/opt/lavka
manifest=$app_dir/installed-files.txt

if [ ! -f "$manifest" ]; then
    echo "uninstall.sh: Lavka is not installed here ($manifest is missing)." >&2
    exit 1
fi

# Only paths inside the places install.sh writes to are removed, whatever the list says.
while IFS= read -r path; do
    case $path in
        "$app_dir"/* | "$data_home"/applications/lavka.desktop | \
        "$data_home"/icons/hicolor/*/apps/lavka.png | "$HOME"/.local/bin/lavka)
            if [ -L "$path" ] || [ -f "$path" ]; then rm -f "$path"; fi ;;
        *) echo "uninstall.sh: skipping $path (not a place Lavka installs to)" >&2 ;;
    esac
done <"$manifest"

# The program's own folders, now empty; a file someone put there keeps its folder.
if [ -d "$app_dir" ]; then
    find "$app_dir" -depth -type d -empty -exec rmdir {} \;
fi

[ -n "$quiet" ] || echo "Lavka is removed. Your data in $data_home/Lavka is still there."
