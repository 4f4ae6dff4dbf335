#!/usr/bin/env bash
# System packages the tests drive for real: LibreOffice recalculates and prints the generated workbook,
# LibreOffice Writer renders the drafted report (.docx → PDF), Chromium runs the task pane end to end, Noto CJK
# draws the Chinese glyphs, WenQuanYi Micro Hei stands in for 微软雅黑 in print (scripts/fontconfig/), poppler turns PDFs into PNGs; python3-uno lets the tests edit workbooks in LibreOffice
# as a person does, libxml2-utils validates OOXML parts.
# Debian/Ubuntu: as root (CI, containers: `bash scripts/install-system-deps.sh`), or through sudo for other users.
set -euo pipefail
packages=(libreoffice-calc-nogui libreoffice-writer-nogui python3-uno fonts-noto-cjk fonts-wqy-microhei chromium poppler-utils libxml2-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
# As root (CI, containers) apt-get runs directly; otherwise through sudo, which must exist.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "Missing: ${missing[*]}. Run this script as root (no sudo here), or install them with apt-get as root." >&2
    exit 1
  fi
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
