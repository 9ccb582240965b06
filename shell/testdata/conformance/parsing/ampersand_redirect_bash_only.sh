# expect: &> is not POSIX: dash parses 'echo x &' then '> f'
echo x &> f
wait
cat f
echo "[$(cat f)]"
