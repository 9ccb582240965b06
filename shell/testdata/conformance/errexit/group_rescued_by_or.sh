set -e
{ false; } || echo rescued-group
( false ) || echo rescued-subshell
echo survived
