# expect: exec replaces the shell, so its EXIT trap never runs
trap 'echo exit-trap' EXIT
exec /bin/echo replaced
