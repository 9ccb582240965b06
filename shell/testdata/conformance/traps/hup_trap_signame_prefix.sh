trap 'echo hup' SIGHUP 2>/dev/null || trap 'echo hup' HUP
kill -HUP $$
echo done
