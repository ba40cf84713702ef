#!/bin/sh
# Regenerates the Word files the import tests read (lib/articles/fixtures/docx/*.docx)
# from their sources (*.fodt, *.html beside them), with a real word processor:
#   apt-get install -y libreoffice-writer-nogui
#   sh scripts/make-docx-fixtures.sh
# Commit the sources and the .docx together. LibreOffice 7.4 made the committed files.
set -eu
dir="$(cd "$(dirname "$0")/../lib/articles/fixtures/docx" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-writer-nogui" >&2; exit 1; }
for src in "$dir"/*.fodt "$dir"/*.html; do
  [ -e "$src" ] || continue
  case "$src" in
    # HTML opens in Writer/Web unless told otherwise, and Writer/Web has no Word export.
    *.html) filter="--infilter=HTML (StarWriter)" ;;
    *) filter="" ;;
  esac
  # A profile of its own: no first-run dialogs, no clash with a LibreOffice already open.
  soffice --headless "-env:UserInstallation=file://$work/profile" ${filter:+"$filter"} \
    --convert-to "docx:MS Word 2007 XML" --outdir "$work/out" "$src" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
  name="$(basename "${src%.*}").docx"
  [ -s "$work/out/$name" ] || { cat "$work/log" >&2; echo "LibreOffice made no $name" >&2; exit 1; }
  mv "$work/out/$name" "$dir/$name"
  echo "$dir/$name"
done
