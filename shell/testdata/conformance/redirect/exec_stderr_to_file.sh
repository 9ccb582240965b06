exec 2>err
echo oops >&2
ls nonexistent_zz
exec 2>&1
cat err
