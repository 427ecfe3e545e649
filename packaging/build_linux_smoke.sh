#!/usr/bin/env bash
# Build packaging/tickler.spec on Linux and smoke-test what it produced:
#   1. the frozen CLI extracts a sample agreement and prints obligations JSON;
#   2. if OCR was bundled, the frozen CLI reads a rendered page image with networking disabled;
#   3. if the GUI was built, it starts offscreen: `--smoke-test` paints the window, opens the database, fills the
#      first page and exits 0 (timed as the GUI cold start); an app without that flag must still be running
#      after 5 seconds.
# Reports build time, folder size and cold/warm start times. Exit status 0 only if every check passed.
#
#   packaging/build_linux_smoke.sh                 # uses .venv (installs PyInstaller into it if missing)
#   PYTHON=/path/to/python packaging/build_linux_smoke.sh
#   DIST=/tmp/dist WORK=/tmp/build packaging/build_linux_smoke.sh
#   SKIP_BUILD=1 DIST=/tmp/dist packaging/build_linux_smoke.sh   # rerun the checks on an existing build
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
DIST=${DIST:-$ROOT/dist}
WORK=${WORK:-$ROOT/build/pyinstaller}
APP=$DIST/Tickler
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
export TICKLER_HOME=$SCRATCH/home  # never touch the real user data folder

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'SMOKE FAILED: %s\n' "$*" >&2; exit 1; }
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.2f", b - a }'; }

cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "PyInstaller"
    "$PY" -m PyInstaller --version 2>/dev/null || "$PY" -m pip install "pyinstaller>=6.22,<7"

    say "Build"
    start=$(seconds)
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$WORK" \
        packaging/tickler.spec
    echo "built in $(elapsed "$start") s"
else
    say "Using the existing build in $APP (SKIP_BUILD=1)"
fi
[ -x "$APP/tickler" ] || fail "$APP/tickler was not built"
echo "folder size: $(du -sh "$APP" | cut -f1) ($(find "$APP" -type f | wc -l) files)," \
    "$(tar -C "$DIST" -cf - Tickler | gzip -6 | wc -c | awk '{ printf "%.0f MB", $1 / 1048576 }') as .tar.gz"
echo "largest parts:"; du -sh "$APP"/_internal/* | sort -h | tail -8 | sed 's/^/  /'

say "CLI: start times"
start=$(seconds); "$APP/tickler" --version; echo "cold start (first run after build): $(elapsed "$start") s"
start=$(seconds); "$APP/tickler" --version >/dev/null; echo "warm start: $(elapsed "$start") s"

say "CLI: extract a sample"
SAMPLE=$(find "$ROOT/resources/samples" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.pdf' -o -name '*.docx' \) \
    2>/dev/null | sort | head -1)
SAMPLE=${SAMPLE:-$ROOT/../shared/corpus/zh/zh-telecom-00.txt}
[ -f "$SAMPLE" ] || fail "no sample: resources/samples is empty and $SAMPLE is missing"
start=$(seconds)
"$APP/tickler" extract "$SAMPLE" --json >"$SCRATCH/extract.json" || fail "tickler extract exited with $?"
echo "extract $(basename "$SAMPLE") in $(elapsed "$start") s"
"$PY" - "$SCRATCH/extract.json" <<'EOF' || fail "tickler extract did not print obligations JSON"
import json, sys
result = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(result.get("obligations"), list), "no obligations list"
print(f"obligations JSON ok: language {result['language']}, {len(result['obligations'])} obligations")
EOF

say "CLI: import the sample into a fresh database, list and remind"
DB="sqlite:///$SCRATCH/smoke.sqlite3"
"$APP/tickler" import "$SAMPLE" --confirm-all --db "$DB" || fail "tickler import exited with $?"
"$APP/tickler" list --db "$DB" | head -5
"$APP/tickler" list --json --db "$DB" | "$PY" -c 'import json, sys; rows = json.load(sys.stdin); assert rows, "no obligations stored"; print(len(rows), "obligations stored")' \
    || fail "the imported sample has no obligations"
"$APP/tickler" remind --db "$DB" >/dev/null || fail "tickler remind exited with $?"

say "CLI: OCR of a page image, network disabled"
if [ -d "$APP/_internal/rapidocr/models" ]; then
    "$PY" - "$SCRATCH/page.png" <<'EOF'
import sys
from PIL import Image, ImageDraw, ImageFont
font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 31, index=2)
page = Image.new("L", (1654, 600), 255)
text = ["第五条 乙方应在合同期满前三十日内书面通知甲方是否续约。", "甲方应于收到发票后30日内支付服务费。"]
for i, line in enumerate(text):
    ImageDraw.Draw(page).text((200, 200 + 60 * i), line, font=font, fill=0)
page.save(sys.argv[1])
EOF
    NONET=()
    if unshare -n true 2>/dev/null; then NONET=(unshare -n); echo "(running in a network namespace with no interfaces)"; fi
    start=$(seconds)
    "${NONET[@]}" "$APP/tickler" extract "$SCRATCH/page.png" --json >"$SCRATCH/ocr.json" \
        || fail "OCR extract exited with $?"
    echo "OCR extract in $(elapsed "$start") s (engine build + 1 page)"
    "$PY" - "$SCRATCH/ocr.json" <<'EOF' || fail "OCR extract found no obligations"
import json, sys
result = json.load(open(sys.argv[1], encoding="utf-8"))
assert result["obligations"], result
print(f"OCR JSON ok: {[ob['phrase'] for ob in result['obligations']]}")
EOF
else
    echo "skipped: rapidocr was not installed in the build environment, so OCR is not bundled"
fi

say "GUI"
if [ -x "$APP/Tickler" ]; then
    # --smoke-test: the app paints its main window, fills its first page and exits 0 (also times a cold start).
    start=$(seconds)
    status=0
    QT_QPA_PLATFORM=offscreen timeout 60 "$APP/Tickler" --smoke-test >"$SCRATCH/gui.log" 2>&1 || status=$?
    took=$(elapsed "$start")
    if [ "$status" -eq 0 ]; then
        echo "GUI cold start to its first filled page (offscreen): $took s"
    elif grep -q "unrecognized arguments" "$SCRATCH/gui.log"; then
        # An app without --smoke-test: start it plainly and check it is still alive after 5 s.
        QT_QPA_PLATFORM=offscreen "$APP/Tickler" >"$SCRATCH/gui.log" 2>&1 &
        pid=$!
        sleep 5
        kill -0 "$pid" 2>/dev/null || { cat "$SCRATCH/gui.log"; fail "GUI exited within 5 s"; }
        kill "$pid"; wait "$pid" 2>/dev/null || true
        echo "GUI still running after 5 s offscreen: ok"
    else
        cat "$SCRATCH/gui.log"; fail "GUI --smoke-test exited with status $status after $took s"
    fi
    if grep -E "Traceback|Fatal Python error" "$SCRATCH/gui.log"; then fail "GUI logged a crash (above)"; fi
else
    echo "skipped: ui/app.py did not exist at build time, so only the CLI was built"
fi

say "All smoke checks passed"
