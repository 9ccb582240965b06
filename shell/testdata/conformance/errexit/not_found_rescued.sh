set -e
nosuch_cmd_zz 2>/dev/null || echo rescued-not-found
echo survived
