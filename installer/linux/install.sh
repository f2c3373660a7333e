#!/bin/sh
# Install Lavka for this user, without root:
#   ~/.local/opt/lavka/           the program (this archive's lavka/ folder)
#   ~/.local/bin/lavka            a link to it, for a terminal
#   ~/.local/share/applications/lavka.desktop and icons: the menu entry
# Every file it writes is listed in ~/.local/opt/lavka/installed-files.txt, and
# ~/.local/opt/lavka/uninstall.sh removes exactly those. Lavka's data (the database
# and its backups in ~/.local/share/Lavka) is never touched by either script.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/opt/lavka
bin_link=$HOME/.local/bin/lavka
manifest=$app_dir/installed-files.txt

if [ ! -x "$here/lavka/lavka" ]; then
    echo "install.sh: $here/lavka/lavka is missing; run this script from the unpacked archive." >&2
    exit 1
fi

# An earlier Lavka is removed first (its own list of files), so nothing stale is left.
if [ -f "$manifest" ] && [ -x "$app_dir/uninstall.sh" ]; then
    "$app_dir/uninstall.sh" --quiet
fi

mkdir -p "$app_dir"
cp -RP "$here/lavka/." "$app_dir/"
cp "$here/uninstall.sh" "$app_dir/uninstall.sh"
chmod 755 "$app_dir/uninstall.sh"

list=$(mktemp)
trap 'rm -f "$list"' EXIT
(cd "$app_dir" && find . \( -type f -o -type l \) | sed "s|^\./|$app_dir/|") >"$list"

mkdir -p "$data_home/applications"
desktop=$data_home/applications/lavka.desktop
exec_line="\"$app_dir/lavka\""
sed "s|@EXEC@|$(printf '%s' "$exec_line" | sed 's/[&|\\]/\\&/g')|" "$here/lavka.desktop" >"$desktop"
chmod 644 "$desktop"
echo "$desktop" >>"$list"

for png in "$app_dir"/_internal/resources/icons/lavka-*.png; do
    size=$(basename "$png" .png)
    size=${size#lavka-}
    target=$data_home/icons/hicolor/${size}x${size}/apps/lavka.png
    mkdir -p "$(dirname "$target")"
    cp "$png" "$target"
    echo "$target" >>"$list"
done

# The link for a terminal; a different program already called lavka is left alone.
if [ ! -e "$bin_link" ] && [ ! -L "$bin_link" ] || [ "$(readlink "$bin_link" 2>/dev/null)" = "$app_dir/lavka" ]; then
    mkdir -p "$(dirname "$bin_link")"
    ln -sf "$app_dir/lavka" "$bin_link"
    echo "$bin_link" >>"$list"
else
    echo "install.sh: $bin_link exists and is not Lavka's; left as it is." >&2
fi

echo "$manifest" >>"$list"
mv "$list" "$manifest"
trap - EXIT

echo "Lavka is installed: find it in the applications menu, or run $app_dir/lavka"
echo "To remove it: $app_dir/uninstall.sh (your data in $data_home/Lavka stays)"
