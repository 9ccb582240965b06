echo "[${!-unset}]" 2>/dev/null || echo err
