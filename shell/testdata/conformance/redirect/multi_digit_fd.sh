# expect: POSIX lets an io_number have several digits; dash 0.5.12 knows only fds 0-9 and runs "10" as a command (exec: 10: not found, 127)
# zinebox-differs: zinebox sh follows POSIX and opens fd 10, as bash does
exec 10>f
echo x >&10
exec 10>&-
cat f
echo still-running
