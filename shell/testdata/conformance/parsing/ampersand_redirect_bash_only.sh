# expect: &> is not POSIX: dash parses 'echo x &' then '> f'
# zinebox-known-failure: the parser reads &> as bash redirection; in dash it is & then >
echo x &> f
wait
cat f
echo "[$(cat f)]"
