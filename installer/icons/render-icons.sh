#!/usr/bin/env bash
# Renders sgsf-workbench.svg into the icon files jpackage needs on each OS and that the Linux
# desktop entry uses. The outputs are committed, so a build needs none of these tools:
#   apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
svg=sgsf-workbench.svg
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "png/sgsf-workbench-$size.png"
done
# Windows: multi-resolution .ico
convert png/sgsf-workbench-{16,24,32,48,64,128,256}.png sgsf-workbench.ico
# macOS: .icns with the sizes Finder and the Dock use
png2icns sgsf-workbench.icns png/sgsf-workbench-{16,32,48,128,256,512,1024}.png >/dev/null
rm png/sgsf-workbench-1024.png
ls -l sgsf-workbench.ico sgsf-workbench.icns png/
