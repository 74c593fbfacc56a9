#!/bin/sh
# tools/deps.sh - install the Debian packages girc needs (make deps).
#   tools/deps.sh build   packages to build build/girc
#   tools/deps.sh check   packages to build and run every test
# As root, missing packages are installed with apt-get; otherwise the
# exact command is printed and the script fails.
set -u
BUILD="make gcc re2c bison pkg-config libcmark-dev libutf8proc-dev libcjson-dev libxml2-dev libpoppler-glib-dev libzip-dev libxlsxwriter-dev"
CHECK="$BUILD libcmocka-dev python3 python3-jsonschema clang-format valgrind clang libclang-rt-14-dev texlive-xetex texlive-lang-chinese poppler-utils chromium fonts-noto-cjk tidy unzip libxml2-utils neovim emacs-nox elpa-eglot libreoffice-writer-nogui libreoffice-calc-nogui"
case "${1:-build}" in
  build) want=$BUILD ;;
  check) want=$CHECK ;;
  *) echo "usage: $0 build|check" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
  echo "girc: missing Debian packages:$missing" >&2
  echo "girc: run as root:  apt-get update && $cmd" >&2
  exit 1
fi
echo "girc: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing >/dev/null || {
  echo "girc: apt-get failed; run: apt-get update && $cmd" >&2; exit 1; }
