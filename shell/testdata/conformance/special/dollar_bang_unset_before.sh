# zinebox-known-failure: the parser reads ${!-x} as bash indirection
echo "[${!-unset}]" 2>/dev/null || echo err
