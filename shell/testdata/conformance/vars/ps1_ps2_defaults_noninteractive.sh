# expect: dash sets PS1/PS2 even when not interactive ('# ' for root); bash --posix leaves them unset
echo "[$PS1][$PS2][$PS4]"
