set -e
nonexistent_cmd_xx 2>/dev/null
echo not reached
