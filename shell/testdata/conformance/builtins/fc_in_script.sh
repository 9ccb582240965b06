# expect: Debian's dash 0.5.12 is built without fc (a POSIX User Portability builtin): not found, 127
# zinebox-differs: zinebox sh has fc -l for its interactive history (issue 7); a script's fc -l lists nothing
fc -l
echo "status $?"
