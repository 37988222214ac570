#!/usr/bin/env bash
# Installs what vanban needs on a Debian machine that has Node: the npm packages, then Chromium (and its headless
# shell, which prints the same PDFs faster, where Debian has it), a Times-compatible font with Vietnamese and
# poppler-utils (pdftoppm draws the PNG pages of `vanban preview`; the tests read PDFs with pdftotext) from Debian's
# packages when they are missing (as root), or says what to install.
# --test-tools also installs what the test suite uses besides: LibreOffice Writer; qpdf, NSS's certutil and pk12util
# with openssl, iText 5 with Bouncy Castle and a JDK, to check the PDFs' empty signature fields and sign them with
# poppler-utils' pdfsig and with iText, as signing tools do; Ghostscript, which --pdfa uses.
set -euo pipefail
cd "$(dirname "$0")/.."

with_test_tools=0
for a in "$@"; do
  case "$a" in
    --test-tools) with_test_tools=1 ;;
    *) echo "setup.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

if [ -L node_modules ]; then
  # A linked node_modules belongs to another checkout: npm ci would empty that one.
  echo "== node_modules is a link to $(readlink node_modules): npm ci skipped"
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

have_chromium() { [ -n "${VANBAN_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; }
have_font() { command -v fc-list >/dev/null 2>&1 && fc-list ':lang=vi' family | grep -qiE 'Times New Roman|Liberation Serif|Tinos'; }

missing=()
have_chromium || missing+=(chromium)
# Wanted, not needed: Debian 12 and later have it; without it vanban prints with the full Chromium.
wanted=()
[ -n "${VANBAN_CHROMIUM:-}" ] || command -v chromium-headless-shell >/dev/null 2>&1 || wanted+=(chromium-headless-shell)
have_font || missing+=(fonts-liberation2 fontconfig)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "$with_test_tools" = 1 ]; then
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
  command -v certutil >/dev/null 2>&1 && command -v pk12util >/dev/null 2>&1 || missing+=(libnss3-tools)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v javac >/dev/null 2>&1 || missing+=(default-jdk-headless)
  [ -f /usr/share/java/itext5.jar ] || missing+=(libitext5-java)
  [ -f /usr/share/java/bcprov.jar ] && [ -f /usr/share/java/bcutil.jar ] || missing+=(libbcprov-java)
  [ -f /usr/share/java/bcpkix.jar ] || missing+=(libbcpkix-java)
  command -v gs >/dev/null 2>&1 || missing+=(ghostscript)
fi

if [ ${#missing[@]} -gt 0 ] || [ ${#wanted[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== apt-get install ${missing[*]} ${wanted[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    if [ ${#missing[@]} -gt 0 ]; then apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; fi
    if [ ${#wanted[@]} -gt 0 ] && ! apt-get install -y -q --no-install-recommends "${wanted[@]}" >/dev/null 2>&1; then
      echo "== ${wanted[*]}: không có trong kho / not in this Debian's archive; in bằng / printing with chromium"
    fi
  elif [ ${#missing[@]} -gt 0 ]; then
    echo "vanban cần / needs: ${missing[*]}" >&2
    echo "Cài bằng / install with: sudo apt-get install ${missing[*]} ${wanted[*]}" >&2
    echo "(hoặc đặt VANBAN_CHROMIUM trỏ tới Chromium / or point VANBAN_CHROMIUM at a Chromium)" >&2
    exit 4
  else
    echo "== nên cài / worth installing, PDF in nhanh hơn / prints PDFs faster: sudo apt-get install ${wanted[*]}"
  fi
fi
echo "== sẵn sàng / ready: $(node --version), ${VANBAN_CHROMIUM:-$(command -v chromium-headless-shell || command -v chromium || command -v chromium-browser)}"
