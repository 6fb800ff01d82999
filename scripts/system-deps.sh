#!/usr/bin/env bash
# Install the Debian packages a target needs, only those that are missing.
#   scripts/system-deps.sh demo   fonts, HarfBuzz subsetting, poppler, WeasyPrint's Pango
#   scripts/system-deps.sh test   the same, plus PostgreSQL, Chromium and Redis for the tests
#   scripts/system-deps.sh bench  the test packages, plus wrk (HTTP load) for the benchmarks
# Fast (a few dpkg queries) when everything is already installed.
set -euo pipefail

packages=(fonts-noto-cjk libharfbuzz-subset0 poppler-utils libpango-1.0-0 libpangoft2-1.0-0)
case "${1:-demo}" in
  demo) ;;
  test) packages+=(postgresql postgresql-contrib chromium redis-server) ;;
  bench) packages+=(postgresql postgresql-contrib chromium redis-server wrk) ;;
  *) echo "usage: $0 demo|test|bench" >&2; exit 2 ;;
esac
# Debian's own python3 creates virtual environments only with python3-venv installed
# (its ensurepip lacks the bundled pip); a python3 from elsewhere brings its own.
[ "$(command -v python3)" = /usr/bin/python3 ] && packages+=(python3-venv)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Missing system packages (${missing[*]}) and no apt-get to install them." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Run as root or install sudo to add: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing system packages: ${missing[*]}"
# The tests make their own throwaway cluster; do not let the package start a permanent one.
# (a createcluster.d snippet, so the package's own createcluster.conf stays untouched)
if [[ " ${missing[*]} " == *" postgresql "* ]]; then
  $sudo mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" \
    | $sudo tee /etc/postgresql-common/createcluster.d/no-main-cluster.conf >/dev/null
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
